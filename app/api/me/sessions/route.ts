import { handle, json } from '@/lib/http/route';
import { requireApiActor } from '@/lib/auth/current-actor';
import { listSessions } from '@/lib/auth/sessions/list-sessions';
import { signOutEverywhere } from '@/lib/users/sign-out-everywhere';

// Open to someone who must still enrol a second factor: the security page lists and ends sessions.
const OPEN = { enrolment: true } as const;

/** GET /api/me/sessions: the actor's own live sessions, this one marked `current`. */
export async function GET(req: Request) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'viewer', OPEN);
    return json({ sessions: await listSessions({ ctx: { actor } }) });
  });
}

/** DELETE /api/me/sessions: sign out on every device, this one included. */
export async function DELETE(req: Request) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'viewer', OPEN);
    await signOutEverywhere({ ctx: { actor } });
    return json({ ok: true });
  });
}
