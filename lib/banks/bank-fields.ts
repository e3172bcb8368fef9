/**
 * Field rules shared by the bank verbs, routes and forms (pure: client components import it too).
 */
import { z } from 'zod';

export const BANK_LABELS = ['csam', 'ncii', 'terrorism', 'spam', 'other'] as const;
export const SIGNAL_TYPES = ['pdq', 'md5', 'sha256'] as const;
export const BANK_KINDS = ['match', 'allow'] as const;

export type BankLabel = (typeof BANK_LABELS)[number];
export type Signal = (typeof SIGNAL_TYPES)[number];

export const bankLabel = z.enum(BANK_LABELS);
export const signalType = z.enum(SIGNAL_TYPES);
export const bankKind = z.enum(BANK_KINDS);
export const severity = z.number().int().min(1).max(5);
export const bankName = z.string().trim().min(1).max(100);
export const bankDescription = z.string().trim().max(2000);
export const ENTRY_LABEL_MAX = 100;
// Tab aside, control characters have no place in a label (and NUL cannot be stored in Postgres text).
export const LABEL_CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f]/;
export const entryLabel = z.string().trim().max(ENTRY_LABEL_MAX).refine((s) => !LABEL_CONTROL.test(s), 'The label contains control characters.');

/** Words beside the numbers, so "3" means the same thing to everyone on the team. */
export const SEVERITY_WORDS: Record<number, string> = { 1: 'low', 2: 'moderate', 3: 'high', 4: 'severe', 5: 'critical' };

export const HEX_LENGTH: Record<Signal, number> = { pdq: 64, md5: 32, sha256: 64 };

/** Route params: entry ids are BigInt in the database and strings on the wire. */
export const entryIdParam = z.string().regex(/^\d{1,19}$/).transform((s) => BigInt(s));
