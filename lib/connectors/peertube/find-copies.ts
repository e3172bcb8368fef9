/**
 * Copy lookups on PeerTube (checked against Chocobozzz/PeerTube server/core):
 * - PeerTube stores videos (and their comments) only: it never holds an image post from Mastodon, Misskey or Lemmy,
 *   so such an item is answered cannot_check without asking.
 * - GET /api/v1/search/videos with a URL (controllers/api/search/search-videos.ts searchVideoURI) makes PeerTube
 *   fetch that URL from its origin when remote URI search is allowed (helpers/express-utils.ts
 *   isUserAbleToSearchRemoteURI): never used with a URL.
 * - GET /api/v1/videos/{id} queues an activitypub-refresher job (a fetch from the origin) when the held remote
 *   video is outdated (controllers/api/videos/index.ts getVideo): never used either.
 * - The same search with the video's UUID as plain text and searchTarget=local runs searchVideosDB, whose query
 *   matches "video"."uuid" exactly (videos-id-list-query-builder whereSearch): a database read. Federated copies
 *   keep the origin's UUID, so that finds this instance's copy of a video. One request per lookup. The name also
 *   matches by similarity, so up to 100 results are read and only the exact UUID is kept. Like every PeerTube
 *   listing, it shows remote videos only from instances this server follows (displayOnlyForFollower).
 */
import { z } from 'zod';
import type { CopyLookupResult, CopyQuery, FoundCopy } from '../types';
import type { PeerTubeClient } from './client';
import { parseRemote } from './parse';
import { videoUuidFromUrl } from './video-ref';

const text = z.string().max(2000).nullish();
const videoSchema = z.object({
  id: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  uuid: z.string().max(64),
  url: text,
  thumbnailPath: text,
  account: z.object({ name: z.string().min(1).max(255), host: z.string().min(1).max(255) }).nullish().catch(null),
});
const listSchema = z.object({ data: z.array(z.unknown()) });

export const NOT_A_VIDEO =
  'PeerTube holds only videos and their comments, never an image post, and its search by address makes it fetch that ' +
  'address from the origin, so it is not asked.';

export async function findPeerTubeCopies(client: PeerTubeClient, query: CopyQuery): Promise<CopyLookupResult> {
  const uuid = videoUuidFromUrl(query.originUri) ?? videoUuidFromUrl(query.originUrl);
  if (!uuid) return { status: 'cannot_check', reason: NOT_A_VIDEO };
  const data = await client.request('GET', '/api/v1/search/videos', { query: { search: uuid, searchTarget: 'local', nsfw: 'both', count: 100 } });
  const copies = parseRemote(listSchema, data, 'video search result').data
    .map((raw) => videoSchema.safeParse(raw))
    .flatMap((r) => (r.success && r.data.uuid.toLowerCase() === uuid ? [toCopy(r.data, client.baseUrl)] : []));
  return { status: 'checked', copies: copies.slice(0, 1), checked: `Searched PeerTube's own videos for the video's UUID ${uuid}.` };
}

function toCopy(v: z.infer<typeof videoSchema>, baseUrl: string): FoundCopy {
  const thumb = v.thumbnailPath && /^\/[\w\-./]+$/.test(v.thumbnailPath) && !v.thumbnailPath.includes('..') ? `${baseUrl}${v.thumbnailPath}` : null;
  const acct = v.account ? `${v.account.name}@${v.account.host}` : null;
  return {
    // The ids the report mapper gives the video and its thumbnail, so a copy we also hold locally is one copy.
    postId: `video-${v.id}`,
    postUrl: `${baseUrl}/w/${v.uuid.toLowerCase()}`,
    postUri: v.url && /^https?:\/\//i.test(v.url) ? v.url : null,
    mediaId: thumb ? `${v.id}-thumbnail` : null,
    mediaUrl: thumb,
    originMediaUrl: null,
    account: acct ? { remoteId: acct, acct } : null,
    foundBy: 'origin_uri',
  };
}
