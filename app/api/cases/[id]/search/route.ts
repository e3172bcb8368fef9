import { z } from 'zod';
import { requireApiActor } from '@/lib/auth/current-actor';
import { requestCopySearch } from '@/lib/cases/request-copy-search';
import { handle, json } from '@/lib/http/route';

const params = z.object({ id: z.uuid() });

/** "Search again": queues a read-only lookup on every connected instance; the case page polls for the results. */
export async function POST(req: Request, ctx: { params: Promise<{ id: string }> }) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'moderator');
    const { id } = params.parse(await ctx.params);
    return json(await requestCopySearch({ ctx: { actor }, input: { caseId: id } }), { status: 202 });
  });
}
