import { z } from 'zod';
import { requireApiActor } from '@/lib/auth/current-actor';
import { markForwardSent } from '@/lib/forwarding/mark-forward-sent';
import { handle, json } from '@/lib/http/route';

const params = z.object({ id: z.uuid() });

/** A person sent the prepared message by email: record it. No body. */
export async function POST(req: Request, ctx: { params: Promise<{ id: string }> }) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'moderator');
    const { id } = params.parse(await ctx.params);
    return json(await markForwardSent({ ctx: { actor }, input: { forwardId: id } }));
  });
}
