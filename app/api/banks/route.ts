import { requireApiActor } from '@/lib/auth/current-actor';
import { createBank, createBankInput } from '@/lib/banks/create-bank';
import { listBanks, listBanksInput } from '@/lib/banks/list-banks';
import { handle, json, parseJson, toJsonSafe } from '@/lib/http/route';

export async function GET(req: Request) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'viewer');
    const q = new URL(req.url).searchParams;
    const input = listBanksInput.parse({ kind: q.get('kind') ?? undefined, enabled: q.get('enabled') ?? undefined });
    return json({ banks: toJsonSafe(await listBanks({ ctx: { actor }, input })) });
  });
}

export async function POST(req: Request) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'admin');
    const input = await parseJson(req, createBankInput);
    return json(toJsonSafe(await createBank({ ctx: { actor }, input })), { status: 201 });
  });
}
