import { z } from 'zod';
import { requireApiActor } from '@/lib/auth/current-actor';
import { handle, json, parseJson } from '@/lib/http/route';
import { getPurgeRun } from '@/lib/purge/get-purge-run';
import { startPurge } from '@/lib/purge/start-purge';

const params = z.object({ id: z.uuid() });
// An instance can appear once; 'skip' leaves it out. The verb checks the ids against the plan it builds itself.
const body = z.object({
  choices: z.array(z.object({ instanceId: z.uuid(), optionId: z.string().min(1).max(100) }).strict()).max(1000)
    .refine((cs) => new Set(cs.map((c) => c.instanceId)).size === cs.length, { message: 'Each instance can be chosen once.' }),
}).strict();

/** The latest purge run of the case (null when none), polled by the case page while it runs. */
export async function GET(req: Request, ctx: { params: Promise<{ id: string }> }) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'viewer');
    const { id } = params.parse(await ctx.params);
    return json(await getPurgeRun({ ctx: { actor }, input: { caseId: id } }));
  });
}

/** Confirms the plan: seals the evidence first, then queues the removal steps (202: they run in the background). */
export async function POST(req: Request, ctx: { params: Promise<{ id: string }> }) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'moderator');
    const { id } = params.parse(await ctx.params);
    const input = await parseJson(req, body);
    return json(await startPurge({ ctx: { actor }, input: { caseId: id, choices: input.choices } }), { status: 202 });
  });
}
