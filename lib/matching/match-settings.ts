/**
 * The matcher's threshold (PDQ bits, default 31) and quality gate (default 50), kept in Setting 'matching'.
 * Changing either re-evaluates existing media: a background rematch over every bank is queued, because matches
 * stored under the old rules would otherwise stay (or stay missing) until each image happened to be re-hashed.
 */
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { Ctx } from '@/lib/audit/actor';
import { recordEvent } from '@/lib/audit/record-event';
import { hasRole } from '@/lib/auth/policy';
import { enqueueRematch } from '@/lib/jobs/enqueue';
import { logger } from '@/lib/log/logger';
import { parseStoredMatchSettings, updateMatchSettingsInput, type MatchSettings, type UpdateMatchSettingsInput } from './match-settings-schema';

export const MATCH_SETTINGS_KEY = 'matching';
const log = logger('matching');

export async function getMatchSettings(): Promise<MatchSettings> {
  const row = await db.setting.findUnique({ where: { key: MATCH_SETTINGS_KEY } });
  return parseStoredMatchSettings(row?.value);
}

export async function updateMatchSettings({ ctx, input }: { ctx: Ctx; input: UpdateMatchSettingsInput }): Promise<{ settings: MatchSettings; rematchRunId: string | null }> {
  if (!hasRole(ctx.actor, 'admin')) throw new AppError('forbidden', 'matching settings need admin');
  const change = updateMatchSettingsInput.parse(input);
  const result = await db.$transaction(async (tx) => {
    const row = await tx.setting.findUnique({ where: { key: MATCH_SETTINGS_KEY } });
    const before = parseStoredMatchSettings(row?.value);
    const after: MatchSettings = { ...before, ...change };
    if (after.threshold === before.threshold && after.qualityGate === before.qualityGate) return { settings: after, rematchRunId: null };
    await tx.setting.upsert({ where: { key: MATCH_SETTINGS_KEY }, create: { key: MATCH_SETTINGS_KEY, value: after }, update: { value: after } });
    const run = await tx.rematchRun.create({ data: { bankId: null }, select: { id: true } });
    await recordEvent(tx, { actor: ctx.actor, action: 'settings.matching_updated', targetType: 'setting', targetId: MATCH_SETTINGS_KEY, details: { from: before, to: after, rematchRunId: run.id } });
    return { settings: after, rematchRunId: run.id };
  });
  if (result.rematchRunId) {
    // The setting is saved either way; a run that could not be queued stays 'queued' and can be re-sent.
    await enqueueRematch(result.rematchRunId).catch((e) => log.error('could not queue rematch', { runId: result.rematchRunId, error: String(e) }));
  }
  return result;
}
