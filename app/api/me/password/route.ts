import { handle, json, parseJson } from '@/lib/http/route';
import { requireApiActor } from '@/lib/auth/current-actor';
import { changePassword, changePasswordInput } from '@/lib/users/change-password';

/** POST /api/me/password: every other session ends; this one is kept (it just proved the current password). */
export async function POST(req: Request) {
  return handle(async () => {
    // Open during second-factor enrolment: the form lives on the security page.
    const actor = await requireApiActor(req, 'viewer', { enrolment: true });
    const { endedSessions } = await changePassword({ ctx: { actor }, input: await parseJson(req, changePasswordInput) });
    return json({ ok: true, endedSessions });
  });
}
