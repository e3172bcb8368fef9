/** GoToSocial's JSON shapes (model.AdminReport, AdminAccountInfo, Account, Status), as the real server sends them. */
import type { FakeAccount, FakeMedia, FakeReport, FakeStatus } from './entities';
import { acctOf, type FakeState } from './state';
import { tagsOf } from '../mastodon/post-tags';

export function mediaUrls(state: FakeState, m: FakeMedia) {
  const base = `${state.baseUrl}/fileserver/${m.accountId}/attachment`;
  return { url: `${base}/original/${m.id}.${m.format ?? 'png'}`, preview_url: `${base}/small/${m.id}.png` };
}

export function serializeAccount(state: FakeState, a: FakeAccount) {
  const url = a.domain ? `https://${a.domain}/@${a.username}` : `${state.baseUrl}/@${a.username}`;
  return {
    id: a.id, username: a.username, acct: acctOf(a), display_name: a.displayName, locked: false, bot: false,
    created_at: a.createdAt, note: '', url, uri: url,
    avatar: `${state.baseUrl}/assets/default_avatars/GoToSocial_icon1.webp`,
    header: `${state.baseUrl}/assets/default_header.webp`,
    followers_count: 0, following_count: 0, statuses_count: 0, emojis: [], fields: [],
    ...(a.suspended ? { suspended: true } : {}),
  };
}

export function serializeAdminAccount(state: FakeState, a: FakeAccount) {
  return {
    id: a.id, username: a.username, domain: a.domain, created_at: a.createdAt, email: a.email,
    ip: null, ips: [], locale: '', invite_request: null, role: { name: a.role },
    confirmed: !a.domain, approved: true, disabled: false, silenced: false, suspended: a.suspended,
    account: serializeAccount(state, a),
  };
}

function serializeMedia(state: FakeState, m: FakeMedia) {
  const account = state.accounts.get(m.accountId);
  return {
    id: m.id, type: 'image', ...mediaUrls(state, m),
    remote_url: m.remoteUrl ?? (account?.domain ? `https://${account.domain}/media/${m.id}.png` : null),
    preview_remote_url: null, text_url: null, description: 'A synthetic test pattern', blurhash: null,
    meta: { original: { width: m.width, height: m.height, size: `${m.width}x${m.height}`, aspect: m.width / m.height } },
  };
}

export function serializeStatus(state: FakeState, s: FakeStatus) {
  const account = state.accounts.get(s.accountId)!;
  const url = `${serializeAccount(state, account).url}/statuses/${s.id}`;
  return {
    id: s.id, created_at: s.createdAt, sensitive: false, spoiler_text: '', visibility: 'public', language: 'en',
    uri: s.uri ?? url, url: s.url ?? url, content: s.content, account: serializeAccount(state, account),
    media_attachments: s.mediaIds.map((id) => state.media.get(id)).filter((m) => m !== undefined).map((m) => serializeMedia(state, m)),
    mentions: [], emojis: [],
    tags: tagsOf({ tags: s.tags, html: s.content }).map((name) => ({ name, url: `${state.baseUrl}/tags/${encodeURIComponent(name)}` })), replies_count: 0, reblogs_count: 0, favourites_count: 0,
  };
}

/** Applies a test-requested malformation on the wire only; the stored report stays intact. */
export function serializeReport(state: FakeState, r: FakeReport): Record<string, unknown> {
  const account = (id: string | null) => {
    const a = id ? state.accounts.get(id) : undefined;
    return a ? serializeAdminAccount(state, a) : null;
  };
  const json: Record<string, unknown> = {
    id: r.id, created_at: r.createdAt, updated_at: r.updatedAt, action_taken: r.actionTakenAt !== null,
    action_taken_at: r.actionTakenAt, action_taken_comment: r.actionTakenComment, category: r.category,
    comment: r.comment, forwarded: r.forwarded, account: account(r.reporterId), target_account: account(r.targetId),
    assigned_account: null, action_taken_by_account: account(r.actionTakenById),
    statuses: r.statusIds.map((id) => state.statuses.get(id)).filter((s) => s !== undefined).map((s) => serializeStatus(state, s)),
    rules: r.ruleIds.map((id) => state.rules.find((rule) => rule.id === id)).filter((x) => x !== undefined),
  };
  const malform = state.malformed.get(r.id);
  if (malform === 'missing_target') delete json.target_account;
  if (malform === 'id_object') json.id = { oid: r.id };
  return json;
}
