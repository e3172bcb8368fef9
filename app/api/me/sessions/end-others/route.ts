import { handle, json } from '@/lib/http/route';
import { requireApiActor } from '@/lib/auth/current-actor';
import { endOthers } from '@/lib/auth/sessions/end-others';

/** POST /api/me/sessions/end-others: sign out every other device, keep this one. No body. */
export async function POST(req: Request) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'viewer', { enrolment: true });
    const { ended } = await endOthers({ ctx: { actor } });
    return json({ ok: true, ended });
  });
}
