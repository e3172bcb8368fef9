import { z } from 'zod';
import { handle, json } from '@/lib/http/route';
import { requireApiActor } from '@/lib/auth/current-actor';
import { endSession } from '@/lib/auth/sessions/end-session';

const params = z.object({ id: z.uuid() });

/** DELETE /api/me/sessions/:id: end one of one's own sessions; `current` tells the page to sign this browser out. */
export async function DELETE(req: Request, ctx: { params: Promise<{ id: string }> }) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'viewer', { enrolment: true });
    const { id } = params.parse(await ctx.params);
    const { current } = await endSession({ ctx: { actor }, input: { sessionId: id } });
    return json({ ok: true, current });
  });
}
