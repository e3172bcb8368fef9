/**
 * Pure mapping from parsed PeerTube abuses to the connector's normalized types. No I/O.
 *
 * Ids of reported content carry their kind, because PeerTube deletes videos and comments through different
 * endpoints: a video is "video-<id>", a comment "comment-<videoId>-<commentId>" (parsed back in content-id.ts).
 */
import type { RemoteAccount, RemoteMedia, RemoteNote, RemoteReport, RemoteStatus } from '../types';
import type { PeerTubeAbuse, PeerTubeAccount } from './api-types';

export const ABUSE_STATE = { pending: 1, rejected: 2, accepted: 3 } as const;

/**
 * PeerTube's predefined abuse reasons (AbusePredefinedReasonsString, unchanged through 7.x). Those that already
 * mean the dashboard's categories are mapped; the others are kept as given.
 */
export const PEERTUBE_REASONS = [
  'violentOrRepulsive', 'hatefulOrAbusive', 'spamOrMisleading', 'privacy', 'rights', 'serverRules', 'thumbnails', 'captions',
] as const;
const CATEGORY_OF: Record<string, string> = { spamOrMisleading: 'spam', rights: 'legal', serverRules: 'violation' };
const KEPT_REASONS = new Set<string>(PEERTUBE_REASONS.filter((r) => !(r in CATEGORY_OF)));

export function mapCategory(reasons: readonly string[] | null | undefined): string {
  const first = reasons?.[0];
  if (!first) return 'other';
  return CATEGORY_OF[first] ?? (KEPT_REASONS.has(first) ? first : 'other');
}

/**
 * Accounts on the instance's own host (from baseUrl) get domain null, as the interface expects. The remote id is
 * the handle (name@host), not the numeric id: PeerTube's block list takes account names and cannot look an
 * account up by id, so account actions need the handle.
 */
export function mapAccount(a: PeerTubeAccount, baseUrl: string): RemoteAccount {
  const localHost = hostOf(baseUrl);
  const avatar = a.avatars?.find((x) => x.path)?.path ?? null;
  return {
    remoteId: `${a.name}@${a.host}`,
    username: a.name,
    acct: `${a.name}@${a.host}`,
    displayName: a.displayName ?? a.name,
    url: a.url ?? null,
    avatarUrl: avatar ? absolute(avatar, baseUrl) : null,
    domain: a.host === localHost ? null : a.host,
    createdAt: a.createdAt ?? null,
    // Contract I1: abuse data carries no block state, so suspended/silenced/sensitized/disabled stay undefined
    // (unknown) and the sync keeps what it knows, e.g. a block the dashboard itself made.
  };
}

export function mapAbuse(r: PeerTubeAbuse, baseUrl: string): RemoteReport {
  const resolved = r.state.id !== ABUSE_STATE.pending;
  return {
    remoteId: r.id,
    category: mapCategory(r.predefinedReasons),
    comment: r.reason ?? '',
    createdAt: r.createdAt,
    updatedAt: r.updatedAt ?? null,
    resolved,
    resolvedAt: resolved ? r.updatedAt ?? null : null,
    forwarded: false,
    reporter: r.reporterAccount ? mapAccount(r.reporterAccount, baseUrl) : null,
    target: mapAccount(r.flaggedAccount, baseUrl),
    assignee: null,
    statuses: [videoStatus(r, baseUrl), commentStatus(r, baseUrl)].filter((s): s is RemoteStatus => s !== null),
    rules: [],
    notes: mapNotes(r.moderationComment),
  };
}

/**
 * PeerTube keeps one free-text moderation comment per abuse, with no author or date: it becomes a single note.
 * Kept as written (plain text; the dashboard escapes it), including what our own appends added.
 */
export function mapNotes(moderationComment: string | null | undefined): RemoteNote[] {
  if (!moderationComment || moderationComment.trim() === '') return [];
  return [{ remoteId: null, author: null, text: moderationComment, createdAt: null }];
}

/** A reported video becomes a status whose media are its thumbnail and preview: the images we can hash. */
function videoStatus(r: PeerTubeAbuse, baseUrl: string): RemoteStatus | null {
  const v = r.video;
  if (!v) return null;
  const media: RemoteMedia[] = [];
  for (const [kind, path] of [['thumbnail', v.thumbnailPath], ['preview', v.previewPath]] as const) {
    if (path) media.push({ remoteId: `${v.id}-${kind}`, type: 'image', url: absolute(path, baseUrl), previewUrl: null, remoteUrl: null, description: v.name ?? null });
  }
  return {
    remoteId: `video-${v.id}`,
    url: v.uuid ? `${baseUrl}/w/${v.uuid}` : null,
    uri: null,
    contentHtml: `<p>${escapeHtml(v.name ?? '')}</p>`,
    spoilerText: '',
    sensitive: v.nsfw === true,
    visibility: null,
    createdAt: null,
    media,
  };
}

function commentStatus(r: PeerTubeAbuse, baseUrl: string): RemoteStatus | null {
  const c = r.comment;
  if (!c) return null;
  return {
    remoteId: `comment-${c.video.id}-${c.id}`,
    url: c.video.uuid ? `${baseUrl}/w/${c.video.uuid};threadId=${c.id}` : null,
    uri: null,
    // PeerTube comments are plain text (Markdown); escaping keeps them inert wherever they are shown.
    contentHtml: `<p>${escapeHtml(c.text)}</p>`,
    spoilerText: '',
    sensitive: false,
    visibility: null,
    createdAt: null,
    media: [],
  };
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch);
}

/** Paths are joined onto the instance; absolute URLs elsewhere are kept (the media fetcher checks them). */
function absolute(path: string, baseUrl: string): string {
  return /^https?:\/\//i.test(path) ? path : `${baseUrl}${path.startsWith('/') ? '' : '/'}${path}`;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
