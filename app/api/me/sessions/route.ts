import { handle, json } from '@/lib/http/route';
import { requireApiActor } from '@/lib/auth/current-actor';
import { signOutEverywhere } from '@/lib/users/sign-out-everywhere';

/** DELETE /api/me/sessions: sign out on every device, this one included. */
export async function DELETE(req: Request) {
  return handle(async () => {
    const actor = await requireApiActor(req);
    await signOutEverywhere({ ctx: { actor } });
    return json({ ok: true });
  });
}
