import { z } from 'zod';
import { requireApiActor } from '@/lib/auth/current-actor';
import { handle, json } from '@/lib/http/route';
import { approvePurgeSteps } from '@/lib/purge/approve-purge-steps';

const params = z.object({ id: z.uuid(), runId: z.uuid() });

/** An admin approves the run's permanent steps (account deletion) that a moderator's plan left waiting. No body. */
export async function POST(req: Request, ctx: { params: Promise<{ id: string; runId: string }> }) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'admin');
    const { runId } = params.parse(await ctx.params);
    return json(await approvePurgeSteps({ ctx: { actor }, input: { runId } }));
  });
}
