/**
 * The stored shape of Setting 'ncmec' and how it is read. A bad stored value (hand-edited, an older shape) reads as
 * "not configured" rather than breaking the settings page or a filing: an admin saves the settings again.
 */
import { z } from 'zod';
import { db, type Tx } from '@/lib/db';
import { NCMEC_ENVIRONMENTS } from '@/lib/filing/ncmec/environments';
import type { NcmecSettingsView } from '@/lib/filing/types';

export const NCMEC_SETTINGS_KEY = 'ncmec';

const reporter = z.object({ firstName: z.string(), lastName: z.string(), email: z.string(), phone: z.string() });
const organization = z.object({ name: z.string(), companyTemplate: z.string(), termsOfService: z.string(), legalUrl: z.string() });

export const storedNcmecSchema = z.object({
  environment: z.enum(['test', 'production', 'custom']),
  baseUrl: z.string().min(1),
  allowPrivate: z.boolean(),
  credentialsSealed: z.string().min(1).nullable(),
  credentialsUpdatedAt: z.iso.datetime().nullable(),
  reporter,
  organization,
});

export type StoredNcmecSettings = z.infer<typeof storedNcmecSchema>;

export const EMPTY_NCMEC_SETTINGS: StoredNcmecSettings = Object.freeze({
  environment: 'test',
  baseUrl: NCMEC_ENVIRONMENTS.test,
  allowPrivate: false,
  credentialsSealed: null,
  credentialsUpdatedAt: null,
  reporter: { firstName: '', lastName: '', email: '', phone: '' },
  organization: { name: '', companyTemplate: '', termsOfService: '', legalUrl: '' },
});

export function parseStoredNcmec(value: unknown): StoredNcmecSettings {
  const parsed = storedNcmecSchema.safeParse(value);
  if (!parsed.success) return EMPTY_NCMEC_SETTINGS;
  // allowPrivate only ever applies to a custom URL, whatever the row says.
  return { ...parsed.data, allowPrivate: parsed.data.environment === 'custom' && parsed.data.allowPrivate };
}

export async function readStoredNcmec(client: Pick<Tx, 'setting'> = db): Promise<StoredNcmecSettings> {
  const row = await client.setting.findUnique({ where: { key: NCMEC_SETTINGS_KEY } });
  return parseStoredNcmec(row?.value);
}

/** Where and as whom we could file: credentials plus a reporting person with a name and an email. */
export function isNcmecConfigured(s: StoredNcmecSettings): boolean {
  return s.credentialsSealed !== null && s.reporter.email !== '' && s.reporter.firstName !== '' && s.reporter.lastName !== '';
}

export function toNcmecSettingsView(s: StoredNcmecSettings): NcmecSettingsView {
  return {
    configured: isNcmecConfigured(s),
    environment: s.environment,
    baseUrl: s.baseUrl,
    allowPrivate: s.allowPrivate,
    hasCredentials: s.credentialsSealed !== null,
    credentialsUpdatedAt: s.credentialsUpdatedAt,
    reporter: { ...s.reporter },
    organization: { ...s.organization },
  };
}
