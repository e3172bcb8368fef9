import { z } from 'zod';
import { requireApiActor } from '@/lib/auth/current-actor';
import { handle, json } from '@/lib/http/route';
import { deleteSavedFilter } from '@/lib/saved-filters/delete-saved-filter';

const params = z.object({ id: z.uuid() });

export async function DELETE(req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => {
    const actor = await requireApiActor(req, 'viewer');
    const { id } = params.parse(await ctx.params);
    return json(await deleteSavedFilter({ ctx: { actor }, input: { id } }));
  });
}
