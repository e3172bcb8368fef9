/**
 * Matching settings as data: bounds, defaults and parsing. Free of server imports so the settings form can share
 * the same rules as the verb.
 */
import { z } from 'zod';

export const MATCH_SETTINGS_DEFAULTS = { threshold: 31, qualityGate: 50 } as const;

const threshold = z.number().int().min(0).max(64);
const qualityGate = z.number().int().min(0).max(100);

export const matchSettingsSchema = z.object({ threshold, qualityGate });
export type MatchSettings = z.infer<typeof matchSettingsSchema>;

export const updateMatchSettingsInput = z
  .object({ threshold: threshold.optional(), qualityGate: qualityGate.optional() })
  .refine((v) => v.threshold !== undefined || v.qualityGate !== undefined, { message: 'Nothing to change.' });
export type UpdateMatchSettingsInput = z.input<typeof updateMatchSettingsInput>;

/**
 * The stored JSON is read field by field: a value someone broke by hand (or an older shape) falls back to its
 * default instead of disabling matching altogether.
 */
export function parseStoredMatchSettings(value: unknown): MatchSettings {
  const obj = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const t = threshold.safeParse(obj.threshold);
  const q = qualityGate.safeParse(obj.qualityGate);
  return {
    threshold: t.success ? t.data : MATCH_SETTINGS_DEFAULTS.threshold,
    qualityGate: q.success ? q.data : MATCH_SETTINGS_DEFAULTS.qualityGate,
  };
}
