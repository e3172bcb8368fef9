import type { Actor } from '@/lib/audit/actor';
import type { ClaimView } from './types';

/** `label`: the holder as this viewer sees them (lib/team/staff-labeler.ts); the stored label otherwise. */
export function toClaimView(actor: Actor, row: { userId: string; userLabel: string; claimedAt: Date; expiresAt: Date }, label: string = row.userLabel): ClaimView {
  return {
    userId: row.userId,
    label,
    mine: actor.type === 'user' && actor.id === row.userId,
    claimedAt: row.claimedAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
  };
}

/** Colleagues know each other by name; the email's local part stands in until a name is set. */
export function claimLabel(user: { name: string; email: string }): string {
  return user.name.trim() || user.email.split('@')[0] || user.email;
}
