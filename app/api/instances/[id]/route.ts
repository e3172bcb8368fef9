import { z } from 'zod';
import { requireApiActor } from '@/lib/auth/current-actor';
import { handle, json, parseJson } from '@/lib/http/route';
import { getInstance } from '@/lib/instances/get-instance';
import { removeInstance } from '@/lib/instances/remove-instance';
import { updateInstance, updateInstanceInput } from '@/lib/instances/update-instance';

type Params = { params: Promise<{ id: string }> };
const id = z.string().uuid();

export async function GET(req: Request, { params }: Params) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'viewer');
    // getInstance answers 400 for a malformed id and 404 for an unknown or invisible one.
    return json(await getInstance({ ctx: { actor }, input: { id: (await params).id } }));
  });
}

export async function PATCH(req: Request, { params }: Params) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'admin');
    const input = await parseJson(req, updateInstanceInput);
    await updateInstance({ ctx: { actor }, input: { id: id.parse((await params).id), ...input } });
    return json({ ok: true });
  });
}

export async function DELETE(req: Request, { params }: Params) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'admin');
    await removeInstance({ ctx: { actor }, input: { id: id.parse((await params).id) } });
    return json({ ok: true });
  });
}
