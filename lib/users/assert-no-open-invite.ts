import type { Tx } from '@/lib/db';
import { AppError } from '@/lib/errors';

/**
 * One open link per email: a second invite would leave two live links for one person, and the first one (which
 * the inviter may already have sent) would still work after they thought they had replaced it. The inviter either
 * sends the link they already have, or revokes it first, which is a visible, audited choice.
 */
export async function assertNoOpenInvite(tx: Tx, email: string, now = new Date()): Promise<void> {
  const open = await tx.invite.findFirst({
    where: { email, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
    orderBy: { expiresAt: 'desc' },
    select: { id: true, expiresAt: true },
  });
  if (!open) return;
  const expires = `${open.expiresAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  throw new AppError('conflict', 'email already has an open invite', {
    userMessage: `${email} already has an open invite (expires ${expires}): revoke it or send the same link again.`,
    publicData: { inviteId: open.id, expiresAt: open.expiresAt.toISOString() },
  });
}
