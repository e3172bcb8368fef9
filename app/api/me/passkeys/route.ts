import { handle, json, parseJson } from '@/lib/http/route';
import { requireApiActor } from '@/lib/auth/current-actor';
import { addPasskey, addPasskeyInput } from '@/lib/auth/passkeys/add-passkey';
import { listPasskeys } from '@/lib/auth/passkeys/list-passkeys';

export async function GET(req: Request) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'viewer', { enrolment: true });
    return json({ passkeys: await listPasskeys({ ctx: { actor } }) });
  });
}

export async function POST(req: Request) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'viewer', { enrolment: true });
    const passkey = await addPasskey({ ctx: { actor }, input: await parseJson(req, addPasskeyInput) });
    return json({ passkey }, { status: 201 });
  });
}
