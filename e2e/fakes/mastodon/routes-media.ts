/**
 * Media files, served by the fake itself the way Mastodon serves its local cache: originals and previews
 * under /system/media_attachments/files/…, all synthetic (see ../images.ts).
 */
import { HttpError } from './http';
import type { Route } from './route-types';
import { previewSize } from './serialize-status';
import { servableMedia } from './removals';
import { syntheticImage } from '../images';

// An ISO BMFF "ftyp" box only: enough for type sniffing as video/mp4; it need not play.
const TINY_MP4 = Buffer.from('000000186674797069736f6d0000020069736f6d69736f32', 'hex');
const TYPES = { png: 'image/png', jpeg: 'image/jpeg', gif: 'image/gif', mp4: 'video/mp4' } as const;

export const mediaRoutes: Route[] = [
  {
    method: 'GET',
    pattern: /^\/system\/media_attachments\/files\/(?:\d{3}\/)+(original|small)\/(\d+)\.(?:png|jpg|gif|mp4)$/,
    handler: async ({ state, params: [size, id] }) => {
      // Deleted (account data deletion) or cleared (reject_media) files are gone, unless keep-serving is on.
      const media = servableMedia(state, id);
      if (!media) throw new HttpError(404, 'Record not found');
      const headers = { 'Cache-Control': 'public, max-age=315576000, immutable' };
      if (size === 'small') {
        const dims = previewSize(media);
        const format = media.type === 'image' && media.format === 'jpeg' ? 'jpeg' : 'png';
        return { body: await syntheticImage(media.imageSeed, { ...dims, format }), contentType: TYPES[format], headers };
      }
      if (media.format === 'mp4') return { body: TINY_MP4, contentType: TYPES.mp4, headers };
      if (media.bytes) return { body: media.bytes, contentType: TYPES[media.format], headers };
      const body = await syntheticImage(media.imageSeed, { width: media.width, height: media.height, format: media.format });
      return { body, contentType: TYPES[media.format], headers };
    },
  },
  {
    method: 'GET',
    pattern: /^\/(avatars|headers)\/original\/missing\.png$/,
    handler: async ({ params: [kind] }) => ({
      body: await syntheticImage(kind === 'avatars' ? 7 : 8, kind === 'avatars' ? { width: 120, height: 120 } : { width: 600, height: 200 }),
      contentType: 'image/png',
    }),
  },
];
