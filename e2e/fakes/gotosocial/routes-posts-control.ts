/**
 * Control routes for watch lists (issue 14): POST /__fake/posts adds a public post ({ id } back), GET /__fake/reads
 * lists the timeline and search reads received, POST /__fake/reset-reads clears them. Loopback only, no auth.
 */
import { z } from 'zod';
import { HttpError, type Params } from '../mastodon/http';
import { buildPost } from './new-post';
import type { Route } from './route-types';

const newPost = z.object({
  html: z.string().max(100_000),
  tags: z.array(z.string().max(200)).max(50).optional(),
  media: z.number().int().min(0).max(4).optional(),
  acct: z.string().regex(/^@?[A-Za-z0-9_]{1,30}(@[A-Za-z0-9.-]{1,253})?$/).optional(),
  // GoToSocial's timelines here hold public posts only; the field is accepted for the shared control body.
  visibility: z.literal('public').optional(),
  accountCreatedAt: z.iso.datetime().optional(),
  lean: z.boolean().optional(),
  malformed: z.boolean().optional(),
});

function parse<T>(schema: z.ZodType<T>, body: Params): T {
  const result = schema.safeParse(body);
  if (!result.success) throw new HttpError(400, z.prettifyError(result.error));
  return result.data;
}

export const postControlRoutes: Route[] = [
  { method: 'POST', pattern: /^\/__fake\/posts$/, handler: ({ state, body }) => ({ json: { id: buildPost(state, parse(newPost, body)).id } }) },
  { method: 'GET', pattern: /^\/__fake\/reads$/, handler: ({ state }) => ({ json: state.reads }) },
  { method: 'POST', pattern: /^\/__fake\/reset-reads$/, handler: ({ state }) => { state.reads = []; return { json: { ok: true } }; } },
];
