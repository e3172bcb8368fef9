/**
 * The team's exposure limits as data (Setting 'exposure.limits'): defaults, the stored shape and the change a lead
 * sends. Pure and client-safe, so the settings card validates with the same rules the server applies.
 */
import { z } from 'zod';
import type { ExposureLimits } from './types';

export const DEFAULT_EXPOSURE_LIMITS: ExposureLimits = { severeAt: 4, maxSevereRevealsPerDay: 20, pauseAfterSevereMinutes: null };

const severeAt = z.number().int().min(1, 'Severe starts at a severity from 1 to 5.').max(5, 'Severe starts at a severity from 1 to 5.');
const maxPerDay = z.number().int().min(1, 'The daily limit is 1 to 1000 severe reveals, or off.').max(1000, 'The daily limit is 1 to 1000 severe reveals, or off.').nullable();
const pause = z.number().int().min(1, 'The pause is 1 to 1440 minutes, or off.').max(1440, 'The pause is 1 to 1440 minutes, or off.').nullable();

export const exposureLimitsSchema = z.object({ severeAt, maxSevereRevealsPerDay: maxPerDay, pauseAfterSevereMinutes: pause });

/** A change: any of the three; a field left out keeps its value, null turns that limit off. */
export const updateExposureLimitsInput = z.object({
  severeAt: severeAt.optional(),
  maxSevereRevealsPerDay: maxPerDay.optional(),
  pauseAfterSevereMinutes: pause.optional(),
}).strict();
export type UpdateExposureLimitsInput = z.infer<typeof updateExposureLimitsInput>;

/** A stored value that no longer parses (hand-edited, older shape) falls back field by field to the defaults. */
export function parseStoredLimits(value: unknown): ExposureLimits {
  const v = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  const pick = <T>(schema: z.ZodType<T>, x: unknown, fallback: T): T => {
    const r = schema.safeParse(x);
    return r.success ? r.data : fallback;
  };
  return {
    severeAt: pick(severeAt, v.severeAt, DEFAULT_EXPOSURE_LIMITS.severeAt),
    maxSevereRevealsPerDay: pick(maxPerDay, v.maxSevereRevealsPerDay, DEFAULT_EXPOSURE_LIMITS.maxSevereRevealsPerDay),
    pauseAfterSevereMinutes: pick(pause, v.pauseAfterSevereMinutes, DEFAULT_EXPOSURE_LIMITS.pauseAfterSevereMinutes),
  };
}
