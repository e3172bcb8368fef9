/**
 * OWNER: exposure core helper (issue 15). STUB: replace. Where this person stands against the team's limits now.
 */
import type { ExposureStatus } from './types';

export const DEFAULT_EXPOSURE_LIMITS = { severeAt: 4, maxSevereRevealsPerDay: 20, pauseAfterSevereMinutes: null } as const;

export async function getExposureStatus(userId: string): Promise<ExposureStatus> {
  void userId;
  return { limited: false, reason: null, until: null, severeRevealsLast24h: 0, limits: { ...DEFAULT_EXPOSURE_LIMITS }, lift: null };
}
