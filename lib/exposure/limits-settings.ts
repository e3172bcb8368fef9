/**
 * The team's exposure limits (Setting 'exposure.limits'), read by everyone (the queue reads them on every load);
 * changed by admins, audited as settings.exposure.updated.
 */
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/audit/actor';
import { recordEvent } from '@/lib/audit/record-event';
import { hasRole } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';
import { parseStoredLimits, updateExposureLimitsInput, type UpdateExposureLimitsInput } from './limits-schema';
import type { ExposureLimits } from './types';

export const EXPOSURE_LIMITS_KEY = 'exposure.limits';
export type { UpdateExposureLimitsInput };

export async function getExposureLimits(): Promise<ExposureLimits> {
  const row = await db.setting.findUnique({ where: { key: EXPOSURE_LIMITS_KEY } });
  return parseStoredLimits(row?.value);
}

export async function updateExposureLimits({ ctx, input }: { ctx: Ctx; input: UpdateExposureLimitsInput }): Promise<ExposureLimits> {
  if (!hasRole(ctx.actor, 'admin')) throw new AppError('forbidden', 'exposure limits need admin', { userMessage: 'Only admins can change the team’s exposure limits.' });
  const change = updateExposureLimitsInput.parse(input);
  return db.$transaction(async (tx) => {
    const row = await tx.setting.findUnique({ where: { key: EXPOSURE_LIMITS_KEY } });
    const before = parseStoredLimits(row?.value);
    const after: ExposureLimits = { ...before, ...Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined)) };
    const value = { ...after };
    await tx.setting.upsert({ where: { key: EXPOSURE_LIMITS_KEY }, create: { key: EXPOSURE_LIMITS_KEY, value }, update: { value } });
    await recordEvent(tx, { actor: ctx.actor, action: 'settings.exposure.updated', targetType: 'setting', targetId: EXPOSURE_LIMITS_KEY, details: { from: { ...before }, to: value } });
    return after;
  });
}
