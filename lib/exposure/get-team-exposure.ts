/**
 * The team's exposure for leads (admins and owners): every active staff member, also those who saw nothing, with
 * counts for 7 and 28 days, a small daily series and their state against the limits. Counts only: no media, case,
 * evidence or instance ids, so the lead sees how much, never what.
 */
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/audit/actor';
import { hasRole } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';
import { getIdentitySettings } from '@/lib/team/identity-settings';
import { staffLabel } from '@/lib/team/staff-label';
import { lastDays, loadDailyCounts, sumCounts, utcDay } from './exposure-days';
import { getExposureStatuses } from './get-exposure-status';
import { getExposureLimits } from './limits-settings';
import type { TeamExposureView } from './types';

const DAY_MS = 24 * 60 * 60 * 1000;

export async function getTeamExposure({ ctx, input = {} }: { ctx: Ctx; input?: { now?: Date } }): Promise<TeamExposureView> {
  if (!hasRole(ctx.actor, 'admin')) throw new AppError('forbidden', 'team exposure needs admin', { userMessage: 'Only admins and owners see the team’s exposure.' });
  const now = input.now ?? new Date();
  const [limits, identity, users] = await Promise.all([
    getExposureLimits(),
    getIdentitySettings(),
    db.user.findMany({ where: { disabledAt: null }, orderBy: { createdAt: 'asc' }, select: { id: true, name: true, email: true, pseudonym: true, role: true } }),
  ]);
  const ids = users.map((u) => u.id);
  const [daily, statuses] = await Promise.all([
    loadDailyCounts(ids, new Date(utcDay(now).getTime() - 27 * DAY_MS), limits.severeAt),
    getExposureStatuses(ids, { limits, now }),
  ]);
  const rows = users.map((u) => {
    const days = lastDays(daily.get(u.id) ?? new Map(), now, 28);
    return {
      userId: u.id,
      label: staffLabel(u, { showPseudonyms: identity.showPseudonyms, viewerIsAdmin: true }),
      role: u.role,
      last7: sumCounts(days.slice(-7).map(({ day: _day, ...c }) => c)),
      last28: sumCounts(days.map(({ day: _day, ...c }) => c)),
      days,
      status: statuses.get(u.id)!,
    };
  });
  return { rows, limits };
}
