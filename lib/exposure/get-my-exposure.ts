/**
 * One's own exposure (MyExposureView): the last 28 days and 12 weeks (UTC, zeros included), where one stands
 * against the limits, and the last 20 events without content. Any signed-in person, for themselves only.
 */
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/audit/actor';
import { AppError } from '@/lib/errors';
import { lastDays, lastWeeks, loadDailyCounts, utcMonday } from './exposure-days';
import { getExposureStatus } from './get-exposure-status';
import { getExposureLimits } from './limits-settings';
import type { MyExposureView } from './types';

const DAY_MS = 24 * 60 * 60 * 1000;

export async function getMyExposure({ ctx, input = {} }: { ctx: Ctx; input?: { now?: Date } }): Promise<MyExposureView> {
  if (ctx.actor.type !== 'user') throw new AppError('forbidden', 'exposure is per person');
  const userId = ctx.actor.id;
  const now = input.now ?? new Date();
  const limits = await getExposureLimits();
  // 12 weeks back from this week's Monday reaches further than 28 days: one query covers both.
  const since = new Date(utcMonday(now).getTime() - 11 * 7 * DAY_MS);
  const [daily, status, recent] = await Promise.all([
    loadDailyCounts([userId], since, limits.severeAt),
    getExposureStatus(userId, { limits, now }),
    db.exposureEvent.findMany({
      where: { userId }, orderBy: { startedAt: 'desc' }, take: 20,
      select: { kind: true, severity: true, label: true, startedAt: true, durationMs: true },
    }),
  ]);
  const byDay = daily.get(userId) ?? new Map();
  return {
    days: lastDays(byDay, now, 28),
    weeks: lastWeeks(byDay, now, 12),
    status,
    recent: recent.map((e) => ({
      kind: e.kind, severity: e.severity, label: e.label, at: e.startedAt.toISOString(),
      durationSeconds: e.durationMs === null ? null : Math.round(e.durationMs / 1000),
    })),
  };
}
