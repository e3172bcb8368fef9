import { z } from 'zod';
import { requireApiActor } from '@/lib/auth/current-actor';
import { deleteRule } from '@/lib/holding/delete-rule';
import { holdRulePatch } from '@/lib/holding/rule-input';
import { saveRule } from '@/lib/holding/save-rule';
import { handle, json, parseJson } from '@/lib/http/route';

const idParams = z.object({ id: z.uuid() });
type Params = { params: Promise<{ id: string }> };

export async function PATCH(req: Request, { params }: Params) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'admin');
    const { id } = idParams.parse(await params);
    const rule = await parseJson(req, holdRulePatch);
    return json({ rule: await saveRule({ ctx: { actor }, input: { id, rule } }) });
  });
}

export async function DELETE(req: Request, { params }: Params) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'admin');
    const { id } = idParams.parse(await params);
    await deleteRule({ ctx: { actor }, input: { id } });
    return json({ ok: true });
  });
}
