import { z } from 'zod';
import { handle, json, parseJson } from '@/lib/http/route';
import { requireApiActor } from '@/lib/auth/current-actor';
import { setEvidenceAccess } from '@/lib/users/set-evidence-access';
import { updateUser, updateUserInput } from '@/lib/users/update-user';

// evidenceAccess is its own verb (user.evidence_access_changed); the rest stays updateUser's.
const body = updateUserInput.omit({ userId: true }).extend({ evidenceAccess: z.boolean().optional() });

export async function PATCH(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'admin');
    const userId = z.uuid().parse((await params).id);
    const { evidenceAccess, ...input } = await parseJson(req, body);
    // updateUser first: with nothing else to change it only applies the team rules (nobody edits themselves, only
    // owners touch owners), so the grant below never happens where those rules say no.
    const user = await updateUser({ ctx: { actor }, input: { ...input, userId } });
    if (evidenceAccess === undefined) return json({ user });
    await setEvidenceAccess({ ctx: { actor }, input: { userId, granted: evidenceAccess } });
    return json({ user: { ...user, evidenceAccess } });
  });
}
