/** Pure mapping from parsed Mastodon entities to the connector's normalized types. No I/O. */
import type { RemoteAccount, RemoteMedia, RemoteReport, RemoteRule, RemoteStatus } from '../types';
import type {
  MastodonAdminAccount, MastodonAdminReport, MastodonMediaAttachment, MastodonRule, MastodonStatus,
} from './api-types';

export function mapAdminAccount(a: MastodonAdminAccount): RemoteAccount {
  const pub = a.account;
  const domain = a.domain || null;
  return {
    remoteId: a.id,
    username: a.username,
    acct: pub?.acct || (domain ? `${a.username}@${domain}` : a.username),
    displayName: pub?.display_name ?? '',
    url: pub?.url ?? null,
    avatarUrl: pub?.avatar ?? null,
    domain,
    email: a.email ?? null,
    createdAt: a.created_at ?? pub?.created_at ?? null,
    // Contract I1: a flag the payload does not carry is unknown (undefined), so the stored value is kept.
    suspended: a.suspended ?? undefined,
    silenced: a.silenced ?? undefined,
    sensitized: a.sensitized ?? undefined,
    disabled: a.disabled ?? undefined,
  };
}

/**
 * `url` is the instance's own copy (what we fetch); it is null while the server still processes the file,
 * so fall back to the origin copy. An attachment with no address at all cannot be fetched and is dropped.
 */
export function mapMedia(m: MastodonMediaAttachment): RemoteMedia | null {
  const url = m.url || m.remote_url || null;
  if (!url) return null;
  return {
    remoteId: m.id,
    type: m.type,
    url,
    previewUrl: m.preview_url || null,
    remoteUrl: m.remote_url || null,
    description: m.description ?? null,
    meta: m.meta ?? null,
  };
}

export function mapStatus(s: MastodonStatus): RemoteStatus {
  return {
    remoteId: s.id,
    url: s.url ?? null,
    uri: s.uri ?? null,
    contentHtml: s.content ?? '',
    spoilerText: s.spoiler_text ?? '',
    sensitive: s.sensitive ?? false,
    visibility: s.visibility ?? null,
    createdAt: s.created_at ?? null,
    media: (s.media_attachments ?? []).map(mapMedia).filter((m): m is RemoteMedia => m !== null),
  };
}

export function mapRule(r: MastodonRule): RemoteRule {
  return { remoteId: r.id, text: r.text };
}

/** Category is kept as the server gave it (types.ts: server-specific values are kept); missing means "other". */
export function mapAdminReport(r: MastodonAdminReport): RemoteReport {
  return {
    remoteId: r.id,
    category: r.category || 'other',
    comment: r.comment ?? '',
    createdAt: r.created_at,
    updatedAt: r.updated_at ?? null,
    resolved: r.action_taken,
    resolvedAt: r.action_taken ? r.action_taken_at ?? null : null,
    forwarded: r.forwarded ?? false,
    reporter: r.account ? mapAdminAccount(r.account) : null,
    target: mapAdminAccount(r.target_account),
    assignee: r.assigned_account ? mapAdminAccount(r.assigned_account) : null,
    statuses: (r.statuses ?? []).map(mapStatus),
    rules: (r.rules ?? []).map(mapRule),
  };
}
