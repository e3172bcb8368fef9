/**
 * What the public sees, fetched without credentials: a video's thumbnail and preview (/lazy-static/...) and its
 * watch page (/w/<uuid>, /videos/watch/<uuid>).
 * - Deleting a video removes its files with the row (VideoModel's destroy hooks remove thumbnails, previews and
 *   video files), so they 404 after; while /__fake/keep-serving is on they are served on (a CDN cache).
 * - A block (the "blacklist") hides the video from listings and its page, but keeps its files: it is reversible.
 * - The watch page is the web client's HTML: 200 while the video is public, 404 once deleted or blocked.
 */
import { syntheticImage } from '../images';
import { notFound, type Reply, type Route } from './http';

const html = (status: number, text: string): Reply => ({
  status, body: Buffer.from(`<!doctype html><title>${text.replace(/[&<>"]/g, '')}</title>`), contentType: 'text/html; charset=utf-8',
});

export const mediaRoutes: Route[] = [
  {
    method: 'GET', pattern: /^\/lazy-static\/(thumbnails|previews)\/([\w-]+)\.jpg$/,
    handler: async ({ state, params }) => {
      const v = [...state.videos.values()].find((x) => x.uuid === params[1]);
      if (!v || (v.deleted && !state.removal.keepServing)) throw notFound('File');
      // Thumbnails and previews of one video differ in size, so they hash differently, as on a real instance.
      const size = params[0] === 'thumbnails' ? { width: 280, height: 157 } : { width: 560, height: 315 };
      return { body: await syntheticImage(v.imageSeed, { ...size, format: 'jpeg' }), contentType: 'image/jpeg' };
    },
  },
  {
    method: 'GET', pattern: /^\/(?:w|videos\/watch)\/([\w-]+)$/,
    handler: ({ state, params }) => {
      const v = [...state.videos.values()].find((x) => x.uuid === params[0]);
      return !v || v.deleted || state.videoBlocks.has(v.id) ? html(404, 'Video not found') : html(200, v.name);
    },
  },
];
