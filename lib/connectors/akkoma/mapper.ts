/**
 * Pure mapping from parsed Akkoma entities to the connector's normalized types. No I/O.
 *
 * RemoteAccount.remoteId is the account's NICKNAME ("alice", or "bob@remote.example" for remote accounts),
 * not its FlakeId: every Akkoma user admin endpoint (deactivate, activate, tag, delete) addresses users by
 * nickname, so account actions can use remoteId directly as ConnectorAction.accountId.
 */
import type { RemoteAccount, RemoteNote, RemoteReport } from '../types';
import { mapStatus } from '../mastodon/mapper';
import type { AkkomaAccount, AkkomaReport, AkkomaReportNote } from './api-types';

// MRF TagPolicy tags standing in for Mastodon's silence and sensitive (verify tag names against the MRF docs).
export const TAG_FORCE_NSFW = 'mrf_tag:media-force-nsfw';
export const TAG_FORCE_UNLISTED = 'mrf_tag:force-unlisted';

export function mapAccount(a: AkkomaAccount): RemoteAccount {
  const nickname = a.nickname || a.acct;
  const at = nickname.indexOf('@');
  const domain = at > 0 ? nickname.slice(at + 1) : null;
  // Contract I1: without the tags or the activity fields the payload says nothing about those states.
  const tags = a.tags ?? null;
  const active = a.is_active ?? (a.deactivated == null ? null : !a.deactivated);
  return {
    remoteId: nickname,
    username: a.username,
    acct: a.acct,
    displayName: a.display_name ?? '',
    url: a.url ?? null,
    avatarUrl: a.avatar ?? null,
    domain,
    createdAt: a.created_at ?? null,
    // Akkoma has no suspension state separate from deactivation: left unknown, never claimed false.
    suspended: undefined,
    silenced: tags ? tags.includes(TAG_FORCE_UNLISTED) : undefined,
    sensitized: tags ? tags.includes(TAG_FORCE_NSFW) : undefined,
    disabled: active === null ? undefined : !active,
  };
}

/** Akkoma reports have no category, rules, assignee, forwarding flag or resolution time. */
export function mapReport(r: AkkomaReport): RemoteReport {
  return {
    remoteId: r.id,
    category: 'other',
    comment: r.content ?? '',
    createdAt: r.created_at,
    updatedAt: null,
    // "closed" (rejected) counts as handled too: only "open" needs a moderator.
    resolved: r.state !== 'open',
    resolvedAt: null,
    forwarded: false,
    reporter: r.actor ? mapAccount(r.actor) : null,
    target: mapAccount(r.account),
    assignee: null,
    statuses: (r.statuses ?? []).map(mapStatus),
    rules: [],
    notes: (r.notes ?? []).map(mapNote),
  };
}

/** The author is the note writer's nickname (acct as a fallback); an author Akkoma could not find stays unknown. */
export function mapNote(n: AkkomaReportNote): RemoteNote {
  return {
    remoteId: n.id,
    author: n.user?.nickname || n.user?.acct || null,
    text: n.content,
    createdAt: isoOrNull(n.created_at),
  };
}

function isoOrNull(value: string | null | undefined): string | null {
  if (!value) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}
