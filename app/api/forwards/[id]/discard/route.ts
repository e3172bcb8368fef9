import { z } from 'zod';
import { requireApiActor } from '@/lib/auth/current-actor';
import { discardForward } from '@/lib/forwarding/discard-forward';
import { handle, json } from '@/lib/http/route';

const params = z.object({ id: z.uuid() });

/** Drops a prepared message or a failed forward, so another option can be chosen. No body. */
export async function POST(req: Request, ctx: { params: Promise<{ id: string }> }) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'moderator');
    const { id } = params.parse(await ctx.params);
    return json(await discardForward({ ctx: { actor }, input: { forwardId: id } }));
  });
}
