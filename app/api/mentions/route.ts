import { requireApiActor } from '@/lib/auth/current-actor';
import { handle, json } from '@/lib/http/route';
import { getInbox } from '@/lib/notes/get-inbox';

/** My inbox: unseen mentions, and open escalations for admins and owners. */
export async function GET(req: Request) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'viewer');
    return json(await getInbox({ ctx: { actor } }));
  });
}
