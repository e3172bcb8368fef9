import { requireApiActor } from '@/lib/auth/current-actor';
import { handle, json, parseJson } from '@/lib/http/route';
import { createSavedFilter, savedFilterInputSchema } from '@/lib/saved-filters/create-saved-filter';
import { listSavedFilters } from '@/lib/saved-filters/list-saved-filters';

export async function GET(req: Request): Promise<Response> {
  return handle(async () => {
    const actor = await requireApiActor(req, 'viewer');
    return json({ filters: await listSavedFilters({ ctx: { actor } }) });
  });
}

export async function POST(req: Request): Promise<Response> {
  return handle(async () => {
    const actor = await requireApiActor(req, 'viewer');
    const input = await parseJson(req, savedFilterInputSchema);
    return json(await createSavedFilter({ ctx: { actor }, input }), { status: 201 });
  });
}
