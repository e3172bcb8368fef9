import { z } from 'zod';
import { requireApiActor } from '@/lib/auth/current-actor';
import { forwardCase } from '@/lib/forwarding/forward-case';
import { getCaseForwardPanel } from '@/lib/forwarding/get-forward-panel';
import { handle, json, parseJson } from '@/lib/http/route';

const params = z.object({ id: z.uuid() });
// The key of a planned option (`method:instanceId|none`); the verb plans again and refuses a key it does not know.
const body = z.object({ key: z.string().min(1).max(200) }).strict();

/** The ways to reach the origin and the forwards made so far. Viewers see it too. */
export async function GET(req: Request, ctx: { params: Promise<{ id: string }> }) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'viewer');
    const { id } = params.parse(await ctx.params);
    return json(await getCaseForwardPanel({ ctx: { actor }, input: { caseId: id } }));
  });
}

/** Forwards the case to its origin by the chosen option (201: queued or a message prepared). */
export async function POST(req: Request, ctx: { params: Promise<{ id: string }> }) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'moderator');
    const { id } = params.parse(await ctx.params);
    const { key } = await parseJson(req, body);
    return json(await forwardCase({ ctx: { actor }, input: { caseId: id, key } }), { status: 201 });
  });
}
