/**
 * Team identity settings as data (no server imports, so the settings card shares the rules). Stored in Setting
 * 'team.identity'; a value broken by hand falls back field by field to the safer default rather than failing.
 */
import { z } from 'zod';

const teamName = z.string().trim().max(120, 'The team name can be at most 120 characters.');
const showPseudonyms = z.boolean();
const signOutbound = z.enum(['pseudonym', 'team']);
const ncmecReporter = z.enum(['settings', 'pseudonym']);

export const identitySettingsSchema = z.object({ teamName, showPseudonyms, signOutbound, ncmecReporter });

export const updateIdentitySettingsInput = z
  .object({ teamName: teamName.optional(), showPseudonyms: showPseudonyms.optional(), signOutbound: signOutbound.optional(), ncmecReporter: ncmecReporter.optional() })
  .strict()
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: 'Nothing to change.' });
export type UpdateIdentitySettingsInput = z.input<typeof updateIdentitySettingsInput>;

const FIELDS = { teamName, showPseudonyms, signOutbound, ncmecReporter } as const;

export function parseStoredIdentity<T extends Record<keyof typeof FIELDS, unknown>>(value: unknown, defaults: T): T {
  const obj = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const out = { ...defaults };
  for (const key of Object.keys(FIELDS) as (keyof typeof FIELDS)[]) {
    const r = FIELDS[key].safeParse(obj[key]);
    if (r.success) (out as Record<string, unknown>)[key] = r.data;
  }
  return out;
}
