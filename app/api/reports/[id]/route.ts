import { z } from 'zod';
import { requireApiActor } from '@/lib/auth/current-actor';
import { handle, json } from '@/lib/http/route';
import { getReport } from '@/lib/queue/get-report';

const params = z.object({ id: z.uuid() });

export async function GET(req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => {
    const actor = await requireApiActor(req, 'viewer');
    const { id } = params.parse(await ctx.params);
    return json(await getReport({ ctx: { actor }, input: { id } }));
  });
}
