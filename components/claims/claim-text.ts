/** Words for a claim (pure, so they are tested without a browser). */
import type { ClaimView } from '@/lib/claims/types';

export function sinceText(claimedAt: string, now: number): string {
  const min = Math.floor((now - new Date(claimedAt).getTime()) / 60_000);
  if (!Number.isFinite(min) || min < 1) return 'since just now';
  if (min < 60) return `since ${min} min`;
  const h = Math.floor(min / 60);
  return `since ${h} h${min % 60 ? ` ${min % 60} min` : ''}`;
}

export function claimText(claim: ClaimView, subject: 'report' | 'case', now: number): string {
  if (claim.mine) return `You are working on this ${subject}. Colleagues see that you are on it.`;
  return `${claim.label} is working on this ${subject} (${sinceText(claim.claimedAt, now)}). Pick another one unless you agreed to help.`;
}
