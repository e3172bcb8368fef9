/**
 * How the team presents itself (Setting 'team.identity'): the team's name, whether colleagues see each other by
 * pseudonym, how text sent to servers is signed, and who the CyberTipline report names as reporting person.
 * Read by everyone; changed by admins, audited.
 */
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { Ctx } from '@/lib/audit/actor';
import { recordEvent } from '@/lib/audit/record-event';
import { hasRole } from '@/lib/auth/policy';
import { parseStoredIdentity, updateIdentitySettingsInput, type UpdateIdentitySettingsInput } from './identity-settings-schema';

export interface IdentitySettings {
  /** The team's name, for signatures and forwards ("the moderators of our servers" when empty). */
  teamName: string;
  /** Colleagues see each other by pseudonym in the UI (owners and admins also see the real name). Default false. */
  showPseudonyms: boolean;
  /** What signs text the app sends to a server for a person (report notes, resolve and reject comments, reports
   * opened elsewhere, forward messages): 'pseudonym' ("— heron, fedimod"), 'team' (the team's name). Default 'pseudonym'. */
  signOutbound: 'pseudonym' | 'team';
  /** The CyberTipline report's reporting person: 'settings' (the person in the NCMEC settings) or 'pseudonym'
   * (the filer's pseudonym, with the settings' email). Default 'settings'. */
  ncmecReporter: 'settings' | 'pseudonym';
}

export const DEFAULT_IDENTITY: IdentitySettings = { teamName: '', showPseudonyms: false, signOutbound: 'pseudonym', ncmecReporter: 'settings' };
export const IDENTITY_SETTINGS_KEY = 'team.identity';
export type { UpdateIdentitySettingsInput };

export async function getIdentitySettings(): Promise<IdentitySettings> {
  const row = await db.setting.findUnique({ where: { key: IDENTITY_SETTINGS_KEY } });
  return parseStoredIdentity(row?.value, DEFAULT_IDENTITY);
}

export async function updateIdentitySettings({ ctx, input }: { ctx: Ctx; input: UpdateIdentitySettingsInput }): Promise<IdentitySettings> {
  if (!hasRole(ctx.actor, 'admin')) throw new AppError('forbidden', 'identity settings need admin', { userMessage: 'Only admins can change how the team presents itself.' });
  const change = updateIdentitySettingsInput.parse(input);
  return db.$transaction(async (tx) => {
    const row = await tx.setting.findUnique({ where: { key: IDENTITY_SETTINGS_KEY } });
    const before = parseStoredIdentity(row?.value, DEFAULT_IDENTITY);
    const after: IdentitySettings = { ...before, ...Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined)) };
    const value = { ...after };
    await tx.setting.upsert({ where: { key: IDENTITY_SETTINGS_KEY }, create: { key: IDENTITY_SETTINGS_KEY, value }, update: { value } });
    await recordEvent(tx, { actor: ctx.actor, action: 'settings.identity.updated', targetType: 'setting', targetId: IDENTITY_SETTINGS_KEY, details: { from: { ...before }, to: value } });
    return after;
  });
}
