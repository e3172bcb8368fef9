import { z } from 'zod';
import { requireApiActor } from '@/lib/auth/current-actor';
import { prepareFiling } from '@/lib/filing/prepare-filing';
import { handle, json } from '@/lib/http/route';

const params = z.object({ id: z.uuid() });

/** Builds exactly what would be sent (sealing the evidence first if needed), for the confirmation. No body.
 *  A POST, not a GET: preparing may seal a new evidence version, and only those who may file see the report. */
export async function POST(req: Request, ctx: { params: Promise<{ id: string }> }) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'moderator');
    const { id } = params.parse(await ctx.params);
    return json(await prepareFiling({ ctx: { actor }, input: { caseId: id } }));
  });
}
