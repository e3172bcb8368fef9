/**
 * What Mastodon really deletes, so a purge receipt checks something real (checked in mastodon/mastodon):
 * - DeleteAccountService (run by DELETE /api/v1/admin/accounts/:id, and for every account of a domain blocked with
 *   severity "suspend"): removes the account's statuses and media files, EXCEPT statuses named in unresolved
 *   reports against the account (and their media), kept for the moderators; the account row stays (reserve_username),
 *   emptied and suspended.
 * - ClearDomainMediaService (a domain block with reject_media): destroys every file of the domain's accounts but
 *   keeps the records (type becomes "unknown"), so posts stay while their file URLs 404.
 * - SuspendAccountService alone only makes the files private (ACL / chmod): a CDN or proxy cache in front keeps
 *   serving them, and the files stay until the data is deleted. The fake keeps serving them.
 * Removed records go to state.removedMedia so the keep-serving switch can still serve their bytes.
 */
import type { FakeAccount } from './entities';
import type { FakeState } from './state';

export function deleteAccountData(state: FakeState, account: FakeAccount): void {
  const reported = new Set(
    [...state.reports.values()].filter((r) => r.targetId === account.id && r.actionTakenAt === null).flatMap((r) => r.statusIds),
  );
  const keptMedia = new Set<string>();
  for (const [id, status] of state.statuses) {
    if (status.accountId !== account.id) continue;
    if (reported.has(id)) {
      for (const m of status.media) keptMedia.add(m.id);
      continue;
    }
    state.statuses.delete(id);
  }
  for (const [id, media] of state.media) {
    if (media.accountId !== account.id || keptMedia.has(id)) continue;
    state.media.delete(id);
    state.removedMedia.set(id, media);
  }
  account.suspended = true;
  account.displayName = '';
  account.dataDeletedAt = new Date().toISOString();
}

/** Whether an account's domain is `domain` or one of its subdomains (Account.by_domain_and_subdomains). */
export function onDomain(account: FakeAccount | undefined, domain: string): boolean {
  const d = account?.domain;
  return Boolean(d && (d === domain || d.endsWith(`.${domain}`)));
}

export function clearDomainMedia(state: FakeState, domain: string): void {
  for (const media of state.media.values()) {
    if (onDomain(state.accounts.get(media.accountId), domain)) media.fileCleared = true;
  }
}

/** The file a media URL names, while the server (or, under keep-serving, the cache in front of it) still has it. */
export function servableMedia(state: FakeState, id: string) {
  const live = state.media.get(id);
  if (live && !live.fileCleared) return live;
  if (!state.removal.keepServing) return undefined;
  return live ?? state.removedMedia.get(id);
}
