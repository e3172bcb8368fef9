/**
 * The invited person picks a name and password. The invite is claimed with a conditional update, so a link
 * used twice at once creates one account. The new user is the audit actor: they are who acted.
 */
import { z } from 'zod';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { recordEvent } from '@/lib/audit/record-event';
import { hashPassword } from '@/lib/auth/password';
import { findInvite } from './find-invite';
import { nameSchema, passwordSchema } from './schemas';
import { assertEmailFree } from './unique-email';
import { generatePseudonym } from '@/lib/team/generate-pseudonym';

export const acceptInviteInput = z.object({
  token: z.string().min(1).max(200),
  name: nameSchema,
  password: passwordSchema,
});
export type AcceptInviteInput = z.input<typeof acceptInviteInput>;

function invalid(): AppError {
  return new AppError('not_found', 'invite not usable', { userMessage: 'This invite link is not valid any more. Ask an admin for a new one.' });
}

export async function acceptInvite({ input, ip = null }: { input: AcceptInviteInput; ip?: string | null }): Promise<{ id: string; email: string }> {
  const data = acceptInviteInput.parse(input);
  // Checked before hashing so a bad link never costs a password hash.
  if (!(await findInvite(data.token))) throw invalid();
  const passwordHash = await hashPassword(data.password);
  return db.$transaction(async (tx) => {
    const invite = await findInvite(data.token, tx);
    if (!invite) throw invalid();
    const claimed = await tx.invite.updateMany({ where: { id: invite.id, acceptedAt: null, revokedAt: null }, data: { acceptedAt: new Date() } });
    if (claimed.count !== 1) throw invalid();
    await assertEmailFree(tx, invite.email);
    // Instances deleted since the invite was sent simply drop out of the limit.
    const instanceIds = (await tx.instance.findMany({ where: { id: { in: invite.instanceIds } }, select: { id: true } })).map((i) => i.id);
    const limited = invite.instanceIds.length > 0;
    const user = await tx.user.create({
      data: {
        email: invite.email,
        name: data.name,
        role: invite.role,
        passwordHash,
        pseudonym: await generatePseudonym(tx),
        limitedToInstances: limited,
        instances: { create: instanceIds.map((instanceId) => ({ instanceId })) },
      },
    });
    await recordEvent(tx, {
      actor: { type: 'user', id: user.id, email: user.email, role: user.role, instanceIds: limited ? instanceIds : null, ip },
      action: 'user.invite_accepted',
      targetType: 'user',
      targetId: user.id,
      details: { inviteId: invite.id, email: user.email, role: user.role, instanceIds: limited ? instanceIds : null },
    });
    return { id: user.id, email: user.email };
  });
}
