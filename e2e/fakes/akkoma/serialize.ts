/** Akkoma's JSON shapes: the report view merges Mastodon's account view with the admin fields. */
import type { FakeAccount, FakeReport, FakeReportNote, FakeStatus } from './entities';
import type { FakeAkkomaState } from './state';
import { proxyUrl } from './media-proxy';
import { tagsOf } from '../mastodon/post-tags';

export function serializeAccount(state: FakeAkkomaState, a: FakeAccount): Record<string, unknown> {
  const [username, remoteDomain] = a.nickname.split('@');
  const host = remoteDomain ?? state.domain;
  return {
    id: a.id, username, acct: a.nickname, nickname: a.nickname, display_name: a.displayName,
    url: `https://${host}/users/${username}`, avatar: `${state.baseUrl}/images/avi.png`, created_at: a.createdAt,
    local: !remoteDomain, is_active: a.isActive, tags: a.tags,
    roles: { admin: a.isAdmin, moderator: false }, pleroma: { is_admin: a.isAdmin, is_moderator: false },
  };
}

export function serializeStatus(state: FakeAkkomaState, s: FakeStatus): Record<string, unknown> {
  const account = state.anyAccount(s.nickname);
  const remoteDomain = s.nickname.split('@')[1];
  return {
    id: s.id, uri: s.uri ?? `https://${remoteDomain ?? state.domain}/objects/${s.id}`, url: s.url ?? `${state.baseUrl}/notice/${s.id}`,
    content: s.content, spoiler_text: '', sensitive: s.sensitive, visibility: s.visibility, created_at: s.createdAt,
    account: account ? serializeAccount(state, account) : null,
    media_attachments: s.mediaIds.map((id) => {
      const remoteUrl = state.media.get(id)?.remoteUrl ?? (remoteDomain ? `https://${remoteDomain}/media/${id}.png` : null);
      // A remote file is shown through the media proxy; a local upload from /media.
      const url = remoteUrl ? proxyUrl(state, remoteUrl) : `${state.baseUrl}/media/${id}.png`;
      return { id, type: 'image', url, preview_url: url, description: null, remote_url: remoteUrl };
    }),
    tags: tagsOf({ tags: s.tags, html: s.content }).map((name) => ({ name, url: `${state.baseUrl}/tag/${encodeURIComponent(name)}` })),
  };
}

export function serializeReport(state: FakeAkkomaState, r: FakeReport): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: r.id, state: r.state, content: r.content, created_at: r.createdAt,
    account: serializeAccount(state, mustAccount(state, r.account)),
    actor: serializeAccount(state, mustAccount(state, r.actor)),
    statuses: r.statusIds.flatMap((id) => {
      const s = state.statuses.get(id);
      return s ? [serializeStatus(state, s)] : []; // deleted statuses drop out of the report, as in Akkoma
    }),
    notes: r.notes.map((n) => serializeNote(state, n)),
  };
  const malform = state.malformed.get(r.id);
  if (malform === 'missing_account') delete out.account;
  if (malform === 'id_object') out.id = { oops: true };
  if (malform === 'bad_note' && r.notes.length) (out.notes as Array<Record<string, unknown>>)[0].content = null;
  return out;
}

/**
 * ReportView "show_note.json": the integer id, the content as written (not HTML), the author as the merged
 * account view, and inserted_at as a Mastodon date. An author Akkoma cannot find renders as {}.
 */
function serializeNote(state: FakeAkkomaState, n: FakeReportNote): Record<string, unknown> {
  const author = state.anyAccount(n.author);
  return { id: n.id, content: n.content, user: author ? serializeAccount(state, author) : {}, created_at: n.createdAt };
}

function mustAccount(state: FakeAkkomaState, nickname: string): FakeAccount {
  const a = state.anyAccount(nickname);
  if (!a) throw new Error(`fake report refers to unknown account ${nickname}`);
  return a;
}
