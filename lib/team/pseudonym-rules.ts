/**
 * What a pseudonym may be (pure, shared by forms and verbs). A lower-case handle, 3 to 32 characters of letters,
 * digits and single hyphens, starting and ending with a letter or digit; not a word that would pass for a role or
 * the app itself in something a server receives ("— admin" or "— fedimod" would mislead the person reading it).
 */
import { z } from 'zod';

export const PSEUDONYM_PATTERN = /^[a-z0-9](?:[a-z0-9-]{1,30})[a-z0-9]$/;
export const RESERVED_PSEUDONYMS: readonly string[] = ['admin', 'owner', 'moderator', 'system', 'fedimod', 'team', 'everyone', 'here'];

export type PseudonymCheck = { ok: true; value: string } | { ok: false; message: string };

/** Trims and lower-cases first, so "Quiet-Heron " is taken as "quiet-heron"; every refusal says why in words. */
export function checkPseudonym(raw: string): PseudonymCheck {
  const value = raw.trim().toLowerCase();
  if (value.length < 3) return { ok: false, message: 'A pseudonym needs at least 3 characters.' };
  if (value.length > 32) return { ok: false, message: 'A pseudonym can be at most 32 characters.' };
  if (!/^[a-z0-9-]+$/.test(value)) return { ok: false, message: 'Use only letters a to z, digits and hyphens.' };
  if (value.startsWith('-') || value.endsWith('-')) return { ok: false, message: 'A pseudonym cannot start or end with a hyphen.' };
  if (value.includes('--')) return { ok: false, message: 'Use single hyphens between words.' };
  if (RESERVED_PSEUDONYMS.includes(value)) return { ok: false, message: `"${value}" is reserved. Choose another pseudonym.` };
  if (!PSEUDONYM_PATTERN.test(value)) return { ok: false, message: 'That is not a valid pseudonym.' };
  return { ok: true, value };
}

/** Zod form of the rules: parses to the normalized handle, or fails with the rule's words. */
export const pseudonymSchema = z.string().max(200).transform((raw, c) => {
  const r = checkPseudonym(raw);
  if (!r.ok) { c.addIssue({ code: 'custom', message: r.message }); return z.NEVER; }
  return r.value;
});
