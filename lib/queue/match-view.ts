/**
 * How a hash match is shown: the bank, its label and severity, the PDQ distance out of 256 (0 for exact
 * MD5/SHA-256 hits), the dihedral variant when the copy is rotated or flipped, and the image's PDQ quality.
 * Type-only plus a lenient parser for the report's stored summary (JSON written by lib/matching).
 */
import { z } from 'zod';

export interface MatchView {
  bank: string;
  label: string | null;
  severity: number;
  distance: number;
  variant: string;
  quality: number | null;
  signalType: string;
  /** The outside matcher that found it (its name, e.g. "HMA"); absent or null for a local bank. */
  service?: string | null;
}

const summarySchema = z.object({
  bank: z.string(),
  label: z.string().nullish(),
  severity: z.number(),
  distance: z.number(),
  variant: z.string().nullish(),
  quality: z.number().nullish(),
  signalType: z.string().nullish(),
  service: z.string().nullish(),
});

export function toMatchView(json: unknown): MatchView | null {
  const parsed = summarySchema.safeParse(json);
  if (!parsed.success) return null;
  const m = parsed.data;
  return { bank: m.bank, label: m.label ?? null, severity: m.severity, distance: m.distance, variant: m.variant ?? 'original', quality: m.quality ?? null, signalType: m.signalType ?? 'pdq', ...(m.service ? { service: m.service } : {}) };
}

/** Severe matches (severity 4-5, or anything labelled csam) get the stronger warning and a two-step reveal. */
export function isSevereMatch(m: Pick<MatchView, 'severity' | 'label'>): boolean {
  return m.severity >= 4 || m.label === 'csam';
}
