import { handle, json, parseJson } from '@/lib/http/route';
import { requireApiActor } from '@/lib/auth/current-actor';
import { changePassword, changePasswordInput } from '@/lib/users/change-password';

export async function POST(req: Request) {
  return handle(async () => {
    const actor = await requireApiActor(req);
    await changePassword({ ctx: { actor }, input: await parseJson(req, changePasswordInput) });
    return json({ ok: true });
  });
}
