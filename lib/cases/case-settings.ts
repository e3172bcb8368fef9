/** Case settings kept in Setting 'cases' (see case-settings-schema.ts); admins change them, audited. */
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { Ctx } from '@/lib/audit/actor';
import { recordEvent } from '@/lib/audit/record-event';
import { hasRole } from '@/lib/auth/policy';
import { parseStoredCaseSettings, updateCaseSettingsInput, type CaseSettings, type UpdateCaseSettingsInput } from './case-settings-schema';

export const CASE_SETTINGS_KEY = 'cases';
export type { CaseSettings, UpdateCaseSettingsInput };

export async function getCaseSettings(): Promise<CaseSettings> {
  const row = await db.setting.findUnique({ where: { key: CASE_SETTINGS_KEY } });
  return parseStoredCaseSettings(row?.value);
}

export async function updateCaseSettings({ ctx, input }: { ctx: Ctx; input: UpdateCaseSettingsInput }): Promise<CaseSettings> {
  if (!hasRole(ctx.actor, 'admin')) throw new AppError('forbidden', 'case settings need admin');
  const change = updateCaseSettingsInput.parse(input);
  return db.$transaction(async (tx) => {
    const row = await tx.setting.findUnique({ where: { key: CASE_SETTINGS_KEY } });
    const before = parseStoredCaseSettings(row?.value);
    const after: CaseSettings = { ...before, ...change };
    await tx.setting.upsert({ where: { key: CASE_SETTINGS_KEY }, create: { key: CASE_SETTINGS_KEY, value: after }, update: { value: after } });
    await recordEvent(tx, { actor: ctx.actor, action: 'settings.cases.updated', targetType: 'setting', targetId: CASE_SETTINGS_KEY, details: { from: before, to: after } });
    return after;
  });
}
