import { z } from 'zod';
import { requireApiActor } from '@/lib/auth/current-actor';
import { resolveCase } from '@/lib/cases/resolve-case';
import { handle, json, parseJson } from '@/lib/http/route';

const params = z.object({ id: z.uuid() });
const body = z.object({ resolveReports: z.boolean(), comment: z.string().trim().max(5000).optional() }).strict();

/** Closes the case; with resolveReports, each linked open report is resolved on its server through the outbox. */
export async function POST(req: Request, ctx: { params: Promise<{ id: string }> }) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'moderator');
    const { id } = params.parse(await ctx.params);
    const input = await parseJson(req, body);
    return json(await resolveCase({ ctx: { actor }, input: { caseId: id, ...input } }), { status: 202 });
  });
}
