import { z } from 'zod';
import { requireApiActor } from '@/lib/auth/current-actor';
import { entryIdParam } from '@/lib/banks/bank-fields';
import { setEntryEnabled, setEntryEnabledInput } from '@/lib/banks/set-entry-enabled';
import { handle, json, parseJson } from '@/lib/http/route';

type Params = { params: Promise<{ id: string; entryId: string }> };
const id = z.uuid();

export async function PATCH(req: Request, { params }: Params) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'admin');
    const p = await params;
    const { enabled } = await parseJson(req, setEntryEnabledInput);
    return json(await setEntryEnabled({ ctx: { actor }, input: { bankId: id.parse(p.id), entryId: entryIdParam.parse(p.entryId), enabled } }));
  });
}
