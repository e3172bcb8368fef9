/**
 * Single sign-on settings (Setting 'auth.sso'): issuer, client id, client secret (sealed like instance tokens,
 * write-only: no view, answer or audit event ever holds it), button label, groups claim, group-to-role mapping,
 * on/off. Admins change them; a private (loopback) issuer is for owners only, as for instances, because it exempts
 * that origin from the SSRF policy.
 */
import type { Ctx } from '@/lib/audit/actor';
import { recordEvent } from '@/lib/audit/record-event';
import { assertAllowed, canAllowPrivate, hasRole } from '@/lib/auth/policy';
import { db } from '@/lib/db';
import { appUrl } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { checkIssuer, ssoSettingsInputSchema, type SsoSettingsInput } from './sso-input';
import { isSsoComplete, readStoredSso, sealSsoSecret, SSO_SETTINGS_KEY, type StoredSsoSettings } from './sso-stored';

export interface SsoSettingsView {
  enabled: boolean;
  issuer: string;
  clientId: string;
  /** Whether a secret is stored; the secret itself never leaves the server. */
  hasSecret: boolean;
  label: string;
  groupsClaim: string;
  /** Extra scope requested for the groups claim ('' for none). */
  groupsScope?: string;
  /** Group name -> role; the highest role among a user's groups wins; no mapped group: sign-in refused. */
  roleMap: { group: string; role: 'viewer' | 'moderator' | 'admin' }[];
  /** The redirect URI to register at the identity provider. */
  callbackUrl: string;
  /** An owner marked the issuer as a local test host (http on loopback allowed, SSRF range check skipped). */
  allowPrivate?: boolean;
}

/** The redirect URI next-auth's provider 'oidc' answers on, on the app's own public address. */
export function ssoCallbackUrl(): string {
  return `${appUrl().replace(/\/$/, '')}/api/auth/callback/oidc`;
}

export function toSsoSettingsView(s: StoredSsoSettings): SsoSettingsView {
  return {
    enabled: s.enabled, issuer: s.issuer, clientId: s.clientId, hasSecret: s.clientSecretSealed !== null, label: s.label,
    groupsClaim: s.groupsClaim, groupsScope: s.groupsScope, roleMap: s.roleMap.map((r) => ({ ...r })), callbackUrl: ssoCallbackUrl(), allowPrivate: s.allowPrivate,
  };
}

export async function getSsoSettingsView(): Promise<SsoSettingsView> {
  return toSsoSettingsView(await readStoredSso());
}

export async function updateSsoSettings({ ctx, input }: { ctx: Ctx; input: SsoSettingsInput }): Promise<SsoSettingsView> {
  assertAllowed(hasRole(ctx.actor, 'admin'), 'settings.sso');
  const parsed = ssoSettingsInputSchema.safeParse(input);
  if (!parsed.success) throw bad(parsed.error.issues[0]?.message ?? 'The settings are not valid.');
  const data = parsed.data;
  return db.$transaction(async (tx) => {
    const before = await readStoredSso(tx);
    // An exemption not restated is kept only while the issuer stays the same.
    const allowPrivate = data.allowPrivate ?? (before.allowPrivate && data.issuer.replace(/\/$/, '') === before.issuer);
    const issuer = data.issuer === '' ? '' : checkIssuer(data.issuer, allowPrivate);
    // Keeping an owner's exemption for the same issuer is fine; a new or moved exemption needs an owner.
    const exempt = allowPrivate && issuer !== '';
    if (exempt && !(before.allowPrivate && before.issuer === issuer)) assertAllowed(canAllowPrivate(ctx.actor), 'settings.sso.allow_private');
    const secretChanged = (data.clientSecret ?? '') !== '';
    // The seal is bound to the issuer: a moved issuer cannot keep the old secret.
    const kept = before.issuer === issuer ? before.clientSecretSealed : null;
    const clientSecretSealed = secretChanged && issuer !== '' ? await sealSsoSecret(data.clientSecret!, issuer) : kept;
    const after: StoredSsoSettings = {
      enabled: data.enabled, issuer, clientId: data.clientId, clientSecretSealed, label: data.label,
      groupsClaim: data.groupsClaim ?? before.groupsClaim, groupsScope: data.groupsScope ?? before.groupsScope, roleMap: dedupe(data.roleMap), allowPrivate: exempt,
    };
    if (after.enabled && !isSsoComplete(after)) throw bad(missing(after, before.issuer !== issuer && before.clientSecretSealed !== null));
    const value = { ...after, roleMap: after.roleMap.map((r) => ({ ...r })) };
    await tx.setting.upsert({ where: { key: SSO_SETTINGS_KEY }, create: { key: SSO_SETTINGS_KEY, value }, update: { value } });
    await recordEvent(tx, {
      actor: ctx.actor, action: 'settings.sso.updated', targetType: 'setting', targetId: SSO_SETTINGS_KEY,
      // Never the secret: only whether it changed ("credentials", since keys named like secrets are redacted).
      details: {
        enabled: after.enabled, issuer, clientId: after.clientId, allowPrivate: after.allowPrivate, groupsClaim: after.groupsClaim,
        groupsScope: after.groupsScope, roleMap: value.roleMap, credentialsChanged: secretChanged, changedFields: changedFields(before, after, secretChanged),
      },
    });
    return toSsoSettingsView(after);
  });
}

/** One row per group: a later row for the same group replaces the earlier one. */
function dedupe(rows: StoredSsoSettings['roleMap']): StoredSsoSettings['roleMap'] {
  return [...new Map(rows.map((r) => [r.group, r])).values()];
}

function missing(s: StoredSsoSettings, issuerMoved: boolean): string {
  if (s.issuer === '') return 'Enter the issuer before turning single sign-on on.';
  if (s.clientId === '') return 'Enter the client id before turning single sign-on on.';
  if (s.clientSecretSealed === null) return issuerMoved ? 'The issuer changed: enter the client secret again.' : 'Enter the client secret before turning single sign-on on.';
  return 'Map at least one group to a role: without one, nobody could sign in.';
}

function changedFields(before: StoredSsoSettings, after: StoredSsoSettings, secret: boolean): string[] {
  const out: string[] = [];
  for (const k of ['enabled', 'issuer', 'clientId', 'label', 'groupsClaim', 'groupsScope', 'allowPrivate'] as const) if (before[k] !== after[k]) out.push(k);
  if (JSON.stringify(before.roleMap) !== JSON.stringify(after.roleMap)) out.push('roleMap');
  if (secret) out.push('clientSecret');
  return out;
}

function bad(userMessage: string): AppError {
  return new AppError('bad_request', 'sso settings: invalid input', { userMessage });
}
