import { z } from 'zod';
import { requireApiActor } from '@/lib/auth/current-actor';
import { retractFiling } from '@/lib/filing/retract-filing';
import { handle, json } from '@/lib/http/route';

const params = z.object({ id: z.uuid() });

/** Retracts an unfinished CyberTipline report. No body. */
export async function POST(req: Request, ctx: { params: Promise<{ id: string }> }) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'moderator');
    const { id } = params.parse(await ctx.params);
    return json(await retractFiling({ ctx: { actor }, input: { filingId: id } }));
  });
}
