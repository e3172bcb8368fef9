/** A HoldRule row with its stats, as the rules page, the API and the CLI show it. */
import type { HoldRule } from '@/lib/generated/prisma/client';
import type { HoldLevel, HoldMode, HoldTrigger, RuleStats, RuleView } from './types';

export const EMPTY_STATS: RuleStats = { hits: 0, holds: 0, wouldHold: 0, confirmations: 0, reversals: 0, pending: 0, overdue: 0 };

export function toRuleView(r: HoldRule, stats: RuleStats = EMPTY_STATS): RuleView {
  return {
    id: r.id, name: r.name, trigger: r.trigger as HoldTrigger, mode: r.mode as HoldMode, enabled: r.enabled, minSeverity: r.minSeverity,
    labels: r.labels, minScore: r.minScore, level: r.level as HoldLevel, allowSuspend: r.allowSuspend, reviewMinutes: r.reviewMinutes,
    instanceIds: r.instanceIds, createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString(), stats,
  };
}
