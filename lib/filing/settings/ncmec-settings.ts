/**
 * CyberTipline settings (Setting 'ncmec'): where to file (test, production or a custom URL), the NCMEC-issued
 * username and password (sealed, write-only: no view, audit event or answer ever holds them) and the reporting
 * person and organization the reports name. Admins change them; allowing a private address is for owners only,
 * as for instances, because it exempts that origin from the SSRF policy.
 */
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/audit/actor';
import { recordEvent } from '@/lib/audit/record-event';
import { assertAllowed, canAllowPrivate, hasRole } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';
import type { NcmecSettingsInput, NcmecSettingsView } from '@/lib/filing/types';
import { resolveNcmecBaseUrl } from './ncmec-base-url';
import { ncmecSettingsInputSchema, type ParsedNcmecSettingsInput } from './ncmec-settings-input';
import { NCMEC_SETTINGS_KEY, readStoredNcmec, toNcmecSettingsView, type StoredNcmecSettings } from './ncmec-stored';
import { nextCredentials } from './next-credentials';

export async function getNcmecSettingsView(): Promise<NcmecSettingsView> {
  return toNcmecSettingsView(await readStoredNcmec());
}

export async function updateNcmecSettings({ ctx, input }: { ctx: Ctx; input: NcmecSettingsInput }): Promise<NcmecSettingsView> {
  assertAllowed(hasRole(ctx.actor, 'admin'), 'settings.ncmec');
  const parsed = ncmecSettingsInputSchema.safeParse(input);
  if (!parsed.success) {
    throw new AppError('bad_request', 'ncmec settings: invalid input', { userMessage: parsed.error.issues[0]?.message ?? 'The settings are not valid.' });
  }
  const data = parsed.data;
  return db.$transaction(async (tx) => {
    const before = await readStoredNcmec(tx);
    const { baseUrl, allowPrivate } = placeOf(data, before);
    // Keeping an owner's exemption for the same address is fine; a new or moved exemption needs an owner.
    if (allowPrivate && !(before.allowPrivate && before.baseUrl === baseUrl)) assertAllowed(canAllowPrivate(ctx.actor), 'settings.ncmec.allow_private');
    const creds = await nextCredentials({ before, baseUrl, username: data.username, password: data.password, now: new Date() });
    const after: StoredNcmecSettings = {
      environment: data.environment, baseUrl, allowPrivate,
      credentialsSealed: creds.credentialsSealed, credentialsUpdatedAt: creds.credentialsUpdatedAt,
      reporter: { ...before.reporter, ...data.reporter },
      organization: { ...before.organization, ...data.organization },
    };
    const value = { ...after, reporter: { ...after.reporter }, organization: { ...after.organization } };
    await tx.setting.upsert({ where: { key: NCMEC_SETTINGS_KEY }, create: { key: NCMEC_SETTINGS_KEY, value }, update: { value } });
    await recordEvent(tx, {
      actor: ctx.actor, action: 'settings.ncmec.updated', targetType: 'setting', targetId: NCMEC_SETTINGS_KEY,
      details: { environment: after.environment, baseUrl, allowPrivate, credentialsChanged: creds.changed, changedFields: changedFields(before, after, creds.changed) },
    });
    return toNcmecSettingsView(after);
  });
}

/** The address and its exemption. An exemption not restated is kept only while the address stays the same. */
function placeOf(data: ParsedNcmecSettingsInput, before: StoredNcmecSettings): { baseUrl: string; allowPrivate: boolean } {
  if (data.environment !== 'custom') {
    if (data.allowPrivate) throw new AppError('bad_request', 'ncmec settings: allowPrivate without custom', { userMessage: 'A private address is only for a custom base URL.' });
    return { baseUrl: resolveNcmecBaseUrl(data.environment, undefined, false), allowPrivate: false };
  }
  const custom = data.baseUrl || (before.environment === 'custom' ? before.baseUrl : undefined);
  if (data.allowPrivate !== undefined) return { baseUrl: resolveNcmecBaseUrl('custom', custom, data.allowPrivate), allowPrivate: data.allowPrivate };
  const kept = before.allowPrivate ? resolveNcmecBaseUrl('custom', custom, true) : null;
  if (kept === before.baseUrl) return { baseUrl: kept, allowPrivate: true };
  return { baseUrl: resolveNcmecBaseUrl('custom', custom, false), allowPrivate: false };
}

const REPORTER_FIELDS = ['firstName', 'lastName', 'email', 'phone'] as const;
const ORGANIZATION_FIELDS = ['name', 'companyTemplate', 'termsOfService', 'legalUrl'] as const;

function changedFields(before: StoredNcmecSettings, after: StoredNcmecSettings, credentials: boolean): string[] {
  const out: string[] = [];
  for (const k of ['environment', 'baseUrl', 'allowPrivate'] as const) if (before[k] !== after[k]) out.push(k);
  if (credentials) out.push('credentials');
  for (const k of REPORTER_FIELDS) if (before.reporter[k] !== after.reporter[k]) out.push(`reporter.${k}`);
  for (const k of ORGANIZATION_FIELDS) if (before.organization[k] !== after.organization[k]) out.push(`organization.${k}`);
  return out;
}
