import { z } from 'zod';
import { requireApiActor } from '@/lib/auth/current-actor';
import { handle, json } from '@/lib/http/route';
import { cancelPurgeSteps } from '@/lib/purge/cancel-purge-steps';

const params = z.object({ id: z.uuid(), runId: z.uuid() });

/** Skips the run's steps that have not been sent yet (the verb allows admins and the run's requester). No body. */
export async function POST(req: Request, ctx: { params: Promise<{ id: string; runId: string }> }) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'moderator');
    const { runId } = params.parse(await ctx.params);
    return json(await cancelPurgeSteps({ ctx: { actor }, input: { runId } }));
  });
}
