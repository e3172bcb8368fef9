/**
 * The end of a reveal, sent with navigator.sendBeacon when the original leaves the screen: a POST whose body (if
 * any) is ignored, so a beacon's text/plain or empty body is fine and nothing is read. Same-origin is checked by
 * requireApiActor like every write. Idempotent: the first end wins.
 */
import { z } from 'zod';
import { requireApiActor } from '@/lib/auth/current-actor';
import { endReveal } from '@/lib/exposure/end-reveal';
import { handle, json } from '@/lib/http/route';

const params = z.object({ id: z.uuid() });

export async function POST(req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => {
    const actor = await requireApiActor(req, 'moderator');
    const { id } = params.parse(await ctx.params);
    await req.body?.cancel().catch(() => undefined);
    return json(await endReveal({ ctx: { actor }, input: { id } }));
  });
}
