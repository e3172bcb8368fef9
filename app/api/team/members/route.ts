import { requireApiActor } from '@/lib/auth/current-actor';
import { handle, json } from '@/lib/http/route';
import { listTeamMembers } from '@/lib/team/list-members';

/** The team for the @mention picker and the escalation form's admin choice. */
export async function GET(req: Request) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'viewer');
    return json({ members: await listTeamMembers({ ctx: { actor } }) });
  });
}
