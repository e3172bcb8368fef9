import { handle, json } from '@/lib/http/route';
import { requireApiActor } from '@/lib/auth/current-actor';
import { revokeInvite, revokeInviteInput } from '@/lib/users/revoke-invite';

export async function DELETE(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'admin');
    const input = revokeInviteInput.parse({ inviteId: (await params).id });
    await revokeInvite({ ctx: { actor }, input });
    return json({ ok: true });
  });
}
