/**
 * Evidence rules shared by the panel, the settings card and the evidence routes (pure: no server imports, so the
 * browser checks the same limits the server enforces; the verbs in lib/evidence check again).
 */
import { z } from 'zod';

/** Every evidence reason goes into the audit log, where a one-letter reason is no reason (lib/evidence/evidence-access.ts: 3..500). */
export const REASON_MIN = 3;
export const REASON_MAX = 500;

export const evidenceReason = z
  .string()
  .trim()
  .min(REASON_MIN, `Give a reason (at least ${REASON_MIN} characters); it is kept in the audit log.`)
  .max(REASON_MAX);

/** Retention setting bounds (days), and the default: the US REPORT Act's one year for CSAM reports. */
export const RETENTION_MIN_DAYS = 30;
export const RETENTION_MAX_DAYS = 3650;
export const RETENTION_DEFAULT_DAYS = 365;
