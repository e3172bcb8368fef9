import { z } from 'zod';
import { requireApiActor } from '@/lib/auth/current-actor';
import { handle, json, parseJson } from '@/lib/http/route';
import { deleteMatcher } from '@/lib/matchers/delete-matcher';
import { matcherPatchSchema } from '@/lib/matchers/matcher-input';
import { saveMatcher } from '@/lib/matchers/save-matcher';

const idParams = z.object({ id: z.string().uuid() });
type Params = { params: Promise<{ id: string }> };

export async function PATCH(req: Request, { params }: Params) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'admin');
    const { id } = idParams.parse(await params);
    const input = await parseJson(req, matcherPatchSchema);
    return json({ matcher: await saveMatcher({ ctx: { actor }, input: { ...input, id } }) });
  });
}

export async function DELETE(req: Request, { params }: Params) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'admin');
    const { id } = idParams.parse(await params);
    await deleteMatcher({ ctx: { actor }, input: { id } });
    return json({ ok: true });
  });
}
