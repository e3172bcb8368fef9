import { requireApiActor } from '@/lib/auth/current-actor';
import { handle, json, parseJson } from '@/lib/http/route';
import { deleteTerm } from '@/lib/watch/delete-term';
import { saveTerm, watchTermPatch } from '@/lib/watch/save-term';

type Params = { params: Promise<{ id: string }> };

export async function PATCH(req: Request, { params }: Params) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'admin');
    const { id } = await params;
    const input = await parseJson(req, watchTermPatch);
    return json({ term: await saveTerm({ ctx: { actor }, input: { ...input, id } }) });
  });
}

export async function DELETE(req: Request, { params }: Params) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'admin');
    const { id } = await params;
    await deleteTerm({ ctx: { actor }, input: { id } });
    return json({ ok: true });
  });
}
