import { z } from 'zod';
import { requireApiActor } from '@/lib/auth/current-actor';
import { getBank, getBankInput } from '@/lib/banks/get-bank';
import { updateBank, updateBankInput } from '@/lib/banks/update-bank';
import { handle, json, parseJson, toJsonSafe } from '@/lib/http/route';

type Params = { params: Promise<{ id: string }> };
const id = z.uuid();

export async function GET(req: Request, { params }: Params) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'viewer');
    const q = new URL(req.url).searchParams;
    const input = getBankInput.parse({ id: (await params).id, cursor: q.get('cursor') || undefined, signal: q.get('signal') || undefined, q: q.get('q') || undefined });
    return json(toJsonSafe(await getBank({ ctx: { actor }, input })));
  });
}

export async function PATCH(req: Request, { params }: Params) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'admin');
    const input = await parseJson(req, updateBankInput);
    return json(toJsonSafe(await updateBank({ ctx: { actor }, input: { id: id.parse((await params).id), ...input } })));
  });
}
