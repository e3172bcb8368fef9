import { z } from 'zod';
import { requireApiActor } from '@/lib/auth/current-actor';
import { handle, json, parseJson } from '@/lib/http/route';
import { deleteHook } from '@/lib/notify/delete-hook';
import { hookPatchSchema } from '@/lib/notify/hook-input';
import { getHook } from '@/lib/notify/list-hooks';
import { saveHook } from '@/lib/notify/save-hook';

const idParams = z.object({ id: z.uuid() });
type Params = { params: Promise<{ id: string }> };

export async function PATCH(req: Request, { params }: Params) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'admin');
    const { id } = idParams.parse(await params);
    const input = await parseJson(req, hookPatchSchema);
    await saveHook({ ctx: { actor }, input: { ...input, id } });
    return json({ hook: await getHook({ ctx: { actor }, input: { id } }) });
  });
}

export async function DELETE(req: Request, { params }: Params) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'admin');
    const { id } = idParams.parse(await params);
    await deleteHook({ ctx: { actor }, input: { id } });
    return json({ ok: true });
  });
}
