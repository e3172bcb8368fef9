/** Evidence settings (Setting 'evidence'): the retention given to new seals. Admins change it, audited. */
import { z } from 'zod';
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/audit/actor';
import { recordEvent } from '@/lib/audit/record-event';
import { hasRole } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';

export const EVIDENCE_SETTINGS_KEY = 'evidence';
/** The US REPORT Act asks providers to keep reported material for one year. */
export const DEFAULT_RETENTION_DAYS = 365;

const retentionDays = z.number().int().min(30).max(3650);
const stored = z.object({ retentionDays }).partial();
export const updateEvidenceSettingsInput = z.strictObject({ retentionDays });

export interface EvidenceSettings { retentionDays: number }

export function parseEvidenceSettings(value: unknown): EvidenceSettings {
  // A bad stored value falls back to the default rather than breaking sealing (which must never be skipped).
  const parsed = stored.safeParse(value ?? {});
  return { retentionDays: (parsed.success ? parsed.data.retentionDays : undefined) ?? DEFAULT_RETENTION_DAYS };
}

export async function getEvidenceSettings(): Promise<EvidenceSettings> {
  const row = await db.setting.findUnique({ where: { key: EVIDENCE_SETTINGS_KEY } });
  return parseEvidenceSettings(row?.value);
}

export async function updateEvidenceSettings({ ctx, input }: { ctx: Ctx; input: { retentionDays: number } }): Promise<EvidenceSettings> {
  if (!hasRole(ctx.actor, 'admin')) throw new AppError('forbidden', 'evidence settings need admin');
  const parsed = updateEvidenceSettingsInput.safeParse(input);
  if (!parsed.success) throw new AppError('bad_request', 'evidence settings: invalid input', { userMessage: 'Retention must be a whole number of days between 30 and 3650.' });
  return db.$transaction(async (tx) => {
    const row = await tx.setting.findUnique({ where: { key: EVIDENCE_SETTINGS_KEY } });
    const before = parseEvidenceSettings(row?.value);
    const after: EvidenceSettings = { ...before, ...parsed.data };
    await tx.setting.upsert({ where: { key: EVIDENCE_SETTINGS_KEY }, create: { key: EVIDENCE_SETTINGS_KEY, value: { ...after } }, update: { value: { ...after } } });
    await recordEvent(tx, { actor: ctx.actor, action: 'settings.evidence.updated', targetType: 'setting', targetId: EVIDENCE_SETTINGS_KEY, details: { from: before, to: after } });
    return after;
  });
}
