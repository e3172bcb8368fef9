import { handle, json, parseJson } from '@/lib/http/route';
import { requireApiActor } from '@/lib/auth/current-actor';
import { inviteUser, inviteUserInput } from '@/lib/users/invite-user';

export async function POST(req: Request) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'admin');
    const input = await parseJson(req, inviteUserInput);
    return json(await inviteUser({ ctx: { actor }, input }), { status: 201 });
  });
}
