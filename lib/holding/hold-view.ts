/** One Hold row as the queue, the report page and the rules page show it. Stored JSON is read defensively. */
import type { Actor } from '@/lib/audit/actor';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { staffLabeler } from '@/lib/team/staff-labeler';
import type { HoldSignal, HoldStateName, HoldView } from './types';

export const HOLD_VIEW_SELECT = {
  id: true, ruleId: true, reportId: true, instanceId: true, state: true, dryRun: true, signal: true, step: true, reason: true,
  dueAt: true, decision: true, decidedAt: true, decidedById: true, createdAt: true,
  rule: { select: { name: true } },
} satisfies Prisma.HoldSelect;

export type HoldViewRow = Prisma.HoldGetPayload<{ select: typeof HOLD_VIEW_SELECT }>;

export const PENDING_STATES = ['holding', 'held', 'not_hidden'] as const;
const DECIDABLE: readonly string[] = PENDING_STATES;

/** Builds the mapper for a list: one staff-label query for everyone who decided a hold in it. */
export async function holdViewer(actor: Actor, rows: readonly HoldViewRow[], names: Map<string, string>, now = new Date()): Promise<(r: HoldViewRow) => HoldView> {
  const users = rows.map((r) => r.decidedById);
  const ids = [...new Set(users.filter((x): x is string => !!x))];
  const stored = new Map(
    ids.length ? (await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, email: true, name: true } })).map((u) => [u.id, u.name || u.email]) : [],
  );
  const label = await staffLabeler(actor, ids);
  return (r) => toHoldView(r, names.get(r.instanceId) ?? '', r.decidedById ? label(r.decidedById, stored.get(r.decidedById) ?? 'a former colleague') : null, now);
}

export function toHoldView(r: HoldViewRow, instanceName: string, decidedBy: string | null, now = new Date()): HoldView {
  const pending = DECIDABLE.includes(r.state);
  return {
    id: r.id, ruleId: r.ruleId, ruleName: r.rule.name, reportId: r.reportId, instanceId: r.instanceId, instanceName,
    state: r.state as HoldStateName, dryRun: r.dryRun, signal: readSignal(r.signal), stepLabel: stepLabelOf(r.step, r.state),
    reason: r.reason, dueAt: r.dueAt.toISOString(), overdue: pending && r.dueAt < now,
    decision: r.decision === 'confirmed' || r.decision === 'undone' ? r.decision : null,
    decidedAt: r.decidedAt?.toISOString() ?? null, decidedBy, createdAt: r.createdAt.toISOString(), decidable: pending,
  };
}

function readSignal(v: unknown): HoldSignal {
  const o = (v && typeof v === 'object' ? v : {}) as Record<string, unknown>;
  return { ...(o as Partial<HoldSignal>), trigger: (typeof o.trigger === 'string' ? o.trigger : 'bank_match') as HoldSignal['trigger'] };
}

/**
 * A hold with nothing hidden took no step, whatever was planned. A dry run shows the step it would have taken
 * ("would have marked the account's media sensitive"): that is what a team weighs before switching a rule to live.
 */
function stepLabelOf(step: unknown, state: string): string | null {
  if (state === 'not_hidden') return null;
  const label = step && typeof step === 'object' ? (step as { label?: unknown }).label : null;
  return typeof label === 'string' ? label : null;
}
