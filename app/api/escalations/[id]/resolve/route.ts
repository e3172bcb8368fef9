import { z } from 'zod';
import { requireApiActor } from '@/lib/auth/current-actor';
import { resolveEscalation } from '@/lib/escalations/resolve-escalation';
import { handle, json, parseJson } from '@/lib/http/route';

const params = z.object({ id: z.uuid('Not an escalation id.') });
const body = z.object({ resolution: z.string().trim().min(1, 'Write what was decided.').max(1000) }).strict();

export async function POST(req: Request, ctx: { params: Promise<{ id: string }> }) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'admin');
    const { id } = params.parse(await ctx.params);
    const input = await parseJson(req, body);
    return json({ escalation: await resolveEscalation({ ctx: { actor }, input: { id, resolution: input.resolution } }) });
  });
}
