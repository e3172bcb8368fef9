/**
 * Every rule with its stats, by name. Viewers and up. Counts come from one grouped query over the Hold rows;
 * a limited user's stats count only holds on the instances they can see.
 */
import type { Ctx } from '@/lib/audit/actor';
import { assertAllowed, hasRole, visibleInstanceIds } from '@/lib/auth/policy';
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { EMPTY_STATS, toRuleView } from './rule-view';
import type { RuleStats, RuleView } from './types';

interface StatRow { ruleId: string; hits: bigint; holds: bigint; would: bigint; confirmed: bigint; undone: bigint; pending: bigint; overdue: bigint }

export async function listRules({ ctx }: { ctx: Ctx }): Promise<RuleView[]> {
  assertAllowed(hasRole(ctx.actor, 'viewer'), 'list hold rules');
  const rules = await db.holdRule.findMany({ orderBy: { name: 'asc' } });
  const stats = await ruleStats(visibleInstanceIds(ctx.actor), new Date());
  return rules.map((r) => toRuleView(r, stats.get(r.id) ?? EMPTY_STATS));
}

export async function ruleStats(visible: string[] | null, now: Date): Promise<Map<string, RuleStats>> {
  const scope = visible ? Prisma.sql`WHERE "instanceId" = ANY(${visible}::uuid[])` : Prisma.empty;
  const rows = await db.$queryRaw<StatRow[]>`
    SELECT "ruleId",
      count(*) AS hits,
      count(*) FILTER (WHERE NOT "dryRun") AS holds,
      count(*) FILTER (WHERE state = 'would_hold') AS would,
      count(*) FILTER (WHERE decision = 'confirmed') AS confirmed,
      count(*) FILTER (WHERE decision = 'undone') AS undone,
      count(*) FILTER (WHERE NOT "dryRun" AND state IN ('holding', 'held', 'not_hidden')) AS pending,
      count(*) FILTER (WHERE NOT "dryRun" AND state IN ('holding', 'held', 'not_hidden') AND "dueAt" < ${now}) AS overdue
    FROM "Hold" ${scope} GROUP BY "ruleId"`;
  return new Map(rows.map((r) => [r.ruleId, {
    hits: Number(r.hits), holds: Number(r.holds), wouldHold: Number(r.would), confirmations: Number(r.confirmed),
    reversals: Number(r.undone), pending: Number(r.pending), overdue: Number(r.overdue),
  }]));
}
