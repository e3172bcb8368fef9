/**
 * Control routes for watch lists (issue 14): POST /__fake/posts adds a public post by a (new or given) account and
 * answers { id }; GET /__fake/reads lists the timeline and search reads received; POST /__fake/reset-reads clears
 * them. Loopback only, no auth, like every /__fake/ route.
 */
import { z } from 'zod';
import { intBetween } from '../prng';
import type { FakeAccount, FakeStatus } from './entities';
import { FakeError, type Route } from './route-types';
import type { FakeAkkomaState } from './state';

const newPost = z.object({
  html: z.string().max(100_000),
  tags: z.array(z.string().max(200)).max(50).optional(),
  media: z.number().int().min(0).max(4).optional(),
  acct: z.string().regex(/^@?[A-Za-z0-9_]{1,30}(@[A-Za-z0-9.-]{1,253})?$/).optional(),
  visibility: z.enum(['public', 'unlisted', 'private', 'direct']).optional(),
  accountCreatedAt: z.iso.datetime().optional(),
  lean: z.boolean().optional(),
  malformed: z.boolean().optional(),
});

function buildPost(state: FakeAkkomaState, input: z.infer<typeof newPost>): FakeStatus {
  const author = authorFor(state, input.acct?.replace(/^@/, ''), input.accountCreatedAt);
  const mediaIds = Array.from({ length: input.media ?? 0 }, () => {
    const id = state.nextId('MD');
    state.media.set(id, { id, imageSeed: intBetween(state.rng, 1, 1_000_000), width: 320, height: 240 });
    return id;
  });
  const status: FakeStatus = {
    id: state.nextId('ST'), nickname: author.nickname, content: input.html, sensitive: false,
    visibility: input.visibility ?? 'public', createdAt: new Date().toISOString(), mediaIds,
    ...(input.tags ? { tags: input.tags } : {}),
    ...(input.lean ? { lean: true } : {}),
    ...(input.malformed ? { malformed: true } : {}),
  };
  state.statuses.set(status.id, status);
  return status;
}

function authorFor(state: FakeAkkomaState, acct: string | undefined, createdAt: string | undefined): FakeAccount {
  const local = acct?.endsWith(`@${state.domain}`) ? acct.split('@')[0] : acct;
  const nickname = local ?? `poster${state.accounts.size + 1}`;
  const existing = state.accounts.get(nickname);
  if (existing) return existing;
  const account: FakeAccount = {
    id: state.nextId('AC'), nickname, displayName: nickname.split('@')[0], isActive: true, isAdmin: false, tags: [],
    createdAt: createdAt ?? new Date().toISOString(),
  };
  state.accounts.set(nickname, account);
  return account;
}

export const postControlRoutes: Route[] = [
  {
    method: 'POST', pattern: /^\/__fake\/posts$/,
    handler: ({ state, body }) => {
      const parsed = newPost.safeParse(body);
      if (!parsed.success) throw new FakeError(400, { error: z.prettifyError(parsed.error) });
      return { json: { id: buildPost(state, parsed.data).id } };
    },
  },
  { method: 'GET', pattern: /^\/__fake\/reads$/, handler: ({ state }) => ({ json: state.reads }) },
  { method: 'POST', pattern: /^\/__fake\/reset-reads$/, handler: ({ state }) => { state.reads = []; return { json: { ok: true } }; } },
];
