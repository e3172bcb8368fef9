/** What the browser learns about a soft claim: who is on the subject, and whether that is the viewer. */
export type ClaimSubjectType = 'report' | 'case';

export interface ClaimView {
  userId: string;
  label: string;
  mine: boolean;
  claimedAt: string;
  expiresAt: string;
}

/** How long a claim lives without a heartbeat: long enough to survive a slow tab, short enough to free a left page. */
export const CLAIM_TTL_MS = 2 * 60 * 1000;
