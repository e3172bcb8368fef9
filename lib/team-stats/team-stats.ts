/**
 * The leads' dashboard: backlog per instance, decisions per moderator per day, automated versus manual work, time
 * from report to first action and reports received, over the last 7, 30 or 90 UTC days. Admins and owners only
 * (it compares colleagues); limited to the instances the actor sees. One query per figure.
 */
import { z } from 'zod';
import type { Ctx } from '@/lib/audit/actor';
import { hasRole, visibleInstanceIds } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';
import { automatedVersusManual } from './auto-manual';
import { backlogPerInstance } from './backlog';
import { periodDays } from './days';
import { decisionsPerModerator } from './decisions';
import { timeToFirstAction } from './first-action';
import { reportsReceived } from './received';
import { STATS_PERIODS, type StatsDays, type TeamStats } from './types';

export const statsInput = z.object({
  days: z.union(STATS_PERIODS.map((d) => z.literal(d)), { error: 'Choose 7, 30 or 90 days.' }),
}).strict();

export async function teamStats({ ctx, input, now = new Date() }: { ctx: Ctx; input: unknown; now?: Date }): Promise<TeamStats> {
  if (!hasRole(ctx.actor, 'admin')) throw new AppError('forbidden', 'team stats need admin', { userMessage: 'The team dashboard is for admins and the owner.' });
  const parsed = statsInput.safeParse(input);
  if (!parsed.success) throw new AppError('bad_request', 'invalid stats period', { userMessage: parsed.error.issues[0]?.message ?? 'Invalid period.' });
  const days = parsed.data.days as StatsDays;
  const ids = visibleInstanceIds(ctx.actor);
  const { since, dayList } = periodDays(days, now);
  const [perInstance, decisions, autoManual, firstAction, received] = await Promise.all([
    backlogPerInstance(ids),
    decisionsPerModerator(ids, since, dayList),
    automatedVersusManual(ids, since, dayList),
    timeToFirstAction(ids, since, dayList),
    reportsReceived(ids, since, dayList),
  ]);
  return { days, dayList, perInstance, decisions, autoManual, firstAction, received };
}
