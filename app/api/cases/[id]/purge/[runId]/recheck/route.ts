import { z } from 'zod';
import { requireApiActor } from '@/lib/auth/current-actor';
import { handle, json, parseJson } from '@/lib/http/route';
import { recheckInstance } from '@/lib/purge/recheck-instance';

const params = z.object({ id: z.uuid(), runId: z.uuid() });
const body = z.object({ instanceId: z.uuid() }).strict();

/** "Check again": a new receipt round for one instance, due now (202: the check runs in the background). */
export async function POST(req: Request, ctx: { params: Promise<{ id: string; runId: string }> }) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'moderator');
    const { runId } = params.parse(await ctx.params);
    const { instanceId } = await parseJson(req, body);
    await recheckInstance({ ctx: { actor }, input: { runId, instanceId } });
    return json({ ok: true }, { status: 202 });
  });
}
