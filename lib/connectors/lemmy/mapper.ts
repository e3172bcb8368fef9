/**
 * Pure mapping from Lemmy report views to normalized reports. No I/O.
 * Report and status remote ids carry their table ("post:12", "comment:7", "pm:3") because Lemmy numbers each
 * table separately and every action endpoint differs by type. Account remoteId is the numeric person id,
 * which the ban and purge endpoints take. Lemmy text is Markdown, not HTML, so it is escaped into contentHtml.
 * API v4 views are converted to these v3 view types first (api-types-v4.ts), so both APIs map here alike.
 */
import type { RemoteAccount, RemoteMedia, RemoteReport, RemoteStatus } from '../types';
import type { CommentReportView, LemmyPerson, LemmyPost, PmReportView, PostReportView } from './api-types';

export type ReportKind = 'post' | 'comment' | 'pm';

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function paragraphs(...parts: Array<string | null | undefined>): string {
  return parts.filter((p): p is string => !!p?.trim()).map((p) => `<p>${escapeHtml(p)}</p>`).join('');
}

function hostOf(url: string | null | undefined): string | null {
  try {
    return url ? new URL(url).host : null;
  } catch {
    return null;
  }
}

export function mapPerson(p: LemmyPerson): RemoteAccount {
  const domain = p.local === false ? hostOf(p.actor_id) : null;
  return {
    remoteId: String(p.id), username: p.name, acct: domain ? `${p.name}@${domain}` : p.name,
    displayName: p.display_name ?? p.name, url: p.actor_id ?? null, avatarUrl: p.avatar ?? null, domain,
    // Contract I1: a payload without `banned` says nothing about the ban (v4 views carry it only as creator_banned).
    createdAt: p.published ?? null, suspended: p.banned ?? undefined,
  };
}

const IMAGE_EXT = /\.(png|jpe?g|gif|webp|avif|bmp)(\?|#|$)/i;

/**
 * A post's url is often a plain link; only image-looking URLs and the thumbnail count as media. A federated image
 * post (or a link to an image elsewhere) records the file's URL on its origin as `url`, while the instance's own
 * copy is its pict-rs thumbnail on another host: then the thumbnail is what we fetch (this instance serves it) and
 * the origin URL becomes remoteUrl, which is how copies of one file are matched across instances (lib/cases).
 */
export function postMedia(post: LemmyPost): RemoteMedia[] {
  const url = post.url && IMAGE_EXT.test(post.url) ? post.url : null;
  const thumb = post.thumbnail_url ?? null;
  const elsewhere = url !== null && thumb !== null && hostOf(url) !== hostOf(thumb);
  const main = elsewhere ? thumb : url ?? thumb;
  if (!main) return [];
  return [{
    remoteId: `post:${post.id}:image`, type: 'image', url: main, previewUrl: thumb,
    remoteUrl: elsewhere ? url : null, description: null, meta: url ? null : { link: post.url ?? null },
  }];
}

function status(remoteId: string, html: string, url: string | null | undefined, createdAt: string | null | undefined, media: RemoteMedia[] = [], sensitive = false): RemoteStatus {
  return { remoteId, url: url ?? null, uri: url ?? null, contentHtml: html, spoilerText: '', sensitive, visibility: null, createdAt: createdAt ?? null, media };
}

function base(kind: ReportKind, r: { id: number; reason: string; resolved: boolean; published: string; updated?: string | null }) {
  return {
    remoteId: `${kind}:${r.id}`, category: 'other', comment: r.reason, createdAt: r.published, updatedAt: r.updated ?? null,
    resolved: r.resolved, resolvedAt: null, forwarded: false, assignee: null, rules: [],
  };
}

export function mapPostReport(v: PostReportView): RemoteReport {
  const p = v.post;
  return {
    ...base('post', v.post_report), reporter: v.creator ? mapPerson(v.creator) : null, target: mapPerson(v.post_creator),
    statuses: [status(`post:${p.id}`, paragraphs(p.name, p.body), p.ap_id, p.published, postMedia(p), p.nsfw === true)],
  };
}

export function mapCommentReport(v: CommentReportView): RemoteReport {
  const c = v.comment;
  return {
    ...base('comment', v.comment_report), reporter: v.creator ? mapPerson(v.creator) : null, target: mapPerson(v.comment_creator),
    statuses: [status(`comment:${c.id}`, paragraphs(c.content), c.ap_id, c.published)],
  };
}

export function mapPmReport(v: PmReportView): RemoteReport {
  const m = v.private_message;
  return {
    ...base('pm', v.private_message_report), reporter: v.creator ? mapPerson(v.creator) : null,
    target: mapPerson(v.private_message_creator),
    statuses: [status(`pm:${m.id}`, paragraphs(m.content), m.ap_id, m.published)],
  };
}
