/**
 * OWNER: exposure core helper (issue 15). STUB: replace. The team's exposure limits (Setting 'exposure.limits'),
 * read by everyone; changed by admins, audited as settings.exposure.updated.
 */
import { DEFAULT_EXPOSURE_LIMITS } from './get-exposure-status';
import type { ExposureLimits } from './types';

export async function getExposureLimits(): Promise<ExposureLimits> {
  return { ...DEFAULT_EXPOSURE_LIMITS };
}
