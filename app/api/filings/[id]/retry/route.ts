import { z } from 'zod';
import { requireApiActor } from '@/lib/auth/current-actor';
import { retryFiling } from '@/lib/filing/retry-filing';
import { handle, json } from '@/lib/http/route';

const params = z.object({ id: z.uuid() });

/** Retries a filing that stopped on a problem (the verb says which problems can be retried). No body. */
export async function POST(req: Request, ctx: { params: Promise<{ id: string }> }) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'moderator');
    const { id } = params.parse(await ctx.params);
    return json(await retryFiling({ ctx: { actor }, input: { filingId: id } }));
  });
}
