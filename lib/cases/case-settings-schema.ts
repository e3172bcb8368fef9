/**
 * Case settings as data (no server imports, so the settings form shares the rules): when a bank match opens a
 * case by itself. Defaults: severity 4 and up, or the label csam, so the worst material is a case before anyone looks.
 */
import { z } from 'zod';

export const CASE_SETTINGS_DEFAULTS = { autoOpenSeverity: 4, autoOpenLabels: ['csam'] } as const;

const autoOpenSeverity = z.number().int().min(1).max(5);
const autoOpenLabels = z.array(z.string().trim().min(1).max(40)).max(20);

export const caseSettingsSchema = z.object({ autoOpenSeverity, autoOpenLabels });
export type CaseSettings = z.infer<typeof caseSettingsSchema>;

export const updateCaseSettingsInput = z
  .object({ autoOpenSeverity: autoOpenSeverity.optional(), autoOpenLabels: autoOpenLabels.optional() })
  .refine((v) => v.autoOpenSeverity !== undefined || v.autoOpenLabels !== undefined, { message: 'Nothing to change.' });
export type UpdateCaseSettingsInput = z.input<typeof updateCaseSettingsInput>;

/** Field by field: a value broken by hand falls back to its default rather than switching auto-open off. */
export function parseStoredCaseSettings(value: unknown): CaseSettings {
  const obj = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const s = autoOpenSeverity.safeParse(obj.autoOpenSeverity);
  const l = autoOpenLabels.safeParse(obj.autoOpenLabels);
  return {
    autoOpenSeverity: s.success ? s.data : CASE_SETTINGS_DEFAULTS.autoOpenSeverity,
    autoOpenLabels: l.success ? l.data : [...CASE_SETTINGS_DEFAULTS.autoOpenLabels],
  };
}

/** Whether a bank match of this severity/label opens a case by itself. */
export function shouldAutoOpen(settings: CaseSettings, match: { severity: number; label: string | null }): boolean {
  return match.severity >= settings.autoOpenSeverity || (match.label !== null && settings.autoOpenLabels.includes(match.label));
}
