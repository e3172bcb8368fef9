import { z } from 'zod';
import { requireApiActor } from '@/lib/auth/current-actor';
import { handle, json } from '@/lib/http/route';
import { getPurgePlan } from '@/lib/purge/get-purge-plan';

const params = z.object({ id: z.uuid() });

/** The plan shown before anything runs. Moderators only: viewers never see removal controls. */
export async function GET(req: Request, ctx: { params: Promise<{ id: string }> }) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'moderator');
    const { id } = params.parse(await ctx.params);
    return json(await getPurgePlan({ ctx: { actor }, input: { caseId: id } }));
  });
}
