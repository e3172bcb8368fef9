/**
 * Watch lists (issue 14): PeerTube videos as a watch scan reads them (Video in @peertube/peertube-types). List and
 * search answers carry the plain Video: `truncatedDescription` (older versions a shortened `description`), no
 * `tags` and no `support` (those are VideoDetails only); both are read when present. Each video is parsed on its
 * own: a malformed one becomes a SkippedItem. A video with no publishing date cannot be placed against the cursor
 * and is skipped too.
 */
import { z } from 'zod';
import type { RemoteMedia } from '../types';
import type { RemotePost } from '../watch-types';
import { keepPost, skipItem, type PostSink } from '../shared/watch-post-items';
import { optionalDate } from '../shared/remote-schemas';
import { accountSchema } from './api-types';
import { escapeHtml, mapAccount } from './mapper';
import { formatIssues } from '../shared/parse-remote';

const text = z.string().nullish();
const id = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

export const watchVideoSchema = z.object({
  id, uuid: z.string().regex(/^[0-9a-f-]{36}$/i, 'not a uuid'), name: z.string(), description: text, truncatedDescription: text,
  publishedAt: optionalDate, createdAt: optionalDate, nsfw: z.boolean().nullish().catch(null), url: text,
  thumbnailPath: text, previewPath: text, tags: z.array(z.string()).nullish().catch(null), support: text,
  account: accountSchema,
});
type WatchVideo = z.infer<typeof watchVideoSchema>;

/** The cursor of one video: its publishing time and id, compared in that order ("<iso>|<id>"). */
export interface VideoKey { at: string; id: number }

export function keyOf(v: { publishedAt?: string | null; createdAt?: string | null; id: number }): VideoKey | null {
  const at = v.publishedAt ?? v.createdAt ?? null;
  return at ? { at, id: v.id } : null;
}

export function newer(a: VideoKey, b: VideoKey | null): boolean {
  return b === null || a.at > b.at || (a.at === b.at && a.id > b.id);
}

const URL_IN_TEXT = /https?:\/\/[^\s<>"')\]]+/g;

export function mapWatchVideo(v: WatchVideo, baseUrl: string, publishedAt: string): RemotePost {
  const media: RemoteMedia[] = [];
  // The same media ids the report mapper gives a reported video's thumbnail and preview.
  for (const [kind, path] of [['thumbnail', v.thumbnailPath], ['preview', v.previewPath]] as const) {
    if (path) media.push({ remoteId: `${v.id}-${kind}`, type: 'image', url: absolute(path, baseUrl), previewUrl: null, remoteUrl: null, description: v.name });
  }
  const description = v.description ?? v.truncatedDescription ?? '';
  return {
    remoteId: `video-${v.id}`, url: `${baseUrl}/w/${v.uuid.toLowerCase()}`, uri: v.url && /^https?:\/\//i.test(v.url) ? v.url : null,
    contentHtml: [v.name, description].filter((s) => s.trim()).map((s) => `<p>${escapeHtml(s)}</p>`).join(''),
    spoilerText: '', sensitive: v.nsfw === true, visibility: null, createdAt: publishedAt, media,
    account: mapAccount(v.account, baseUrl), tags: v.tags ?? [], links: [...(v.support ?? '').matchAll(URL_IN_TEXT)].map((m) => m[0]),
  };
}

/** Collects videos newer than `since`; returns the keys seen (for the next cursor) and whether the cursor was reached. */
export function collectVideos(sink: PostSink, raw: unknown[], baseUrl: string, since: VideoKey | null): { keys: VideoKey[]; reached: boolean } {
  const keys: VideoKey[] = [];
  let reached = false;
  for (const item of raw) {
    const parsed = watchVideoSchema.safeParse(item);
    const rawId = (item as { id?: unknown } | null)?.id;
    const remoteId = typeof rawId === 'number' || typeof rawId === 'string' ? `video-${String(rawId).slice(0, 40)}` : null;
    if (!parsed.success) {
      sink.skipped.push(skipItem(remoteId, formatIssues(parsed.error), item));
      continue;
    }
    const key = keyOf(parsed.data);
    if (!key) {
      sink.skipped.push(skipItem(remoteId, 'publishedAt: not a date', item));
      continue;
    }
    if (!newer(key, since)) {
      reached = true;
      continue;
    }
    keys.push(key);
    keepPost(sink, mapWatchVideo(parsed.data, baseUrl, key.at), item);
  }
  return { keys, reached };
}

function absolute(path: string, baseUrl: string): string {
  return /^https?:\/\//i.test(path) ? path : `${baseUrl}${path.startsWith('/') ? '' : '/'}${path}`;
}
