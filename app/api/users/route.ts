import { handle, json } from '@/lib/http/route';
import { requireApiActor } from '@/lib/auth/current-actor';
import { listUsers } from '@/lib/users/list-users';

export async function GET(req: Request) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'admin');
    return json(await listUsers({ ctx: { actor } }));
  });
}
