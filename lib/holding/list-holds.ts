/**
 * Holds for the rules page. `pending`: waiting for a human (holding, held, not_hidden), oldest due first;
 * `dry_run`: would_hold records, newest first; `recent`: everything, newest first. Only holds on instances the
 * actor can see.
 */
import { z } from 'zod';
import type { Ctx } from '@/lib/audit/actor';
import { assertAllowed, hasRole, visibleInstanceIds } from '@/lib/auth/policy';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { HOLD_VIEW_SELECT, holdViewer, PENDING_STATES, type HoldViewRow } from './hold-view';
import type { HoldView } from './types';

export interface ListHoldsInput {
  view: 'pending' | 'dry_run' | 'recent';
  ruleId?: string;
  limit?: number;
}

export const listHoldsInput = z.object({
  view: z.enum(['pending', 'dry_run', 'recent']).default('pending'),
  ruleId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export async function listHolds({ ctx, input }: { ctx: Ctx; input: ListHoldsInput }): Promise<HoldView[]> {
  assertAllowed(hasRole(ctx.actor, 'viewer'), 'list holds');
  const q = listHoldsInput.parse(input);
  const and: Prisma.HoldWhereInput[] = [];
  const visible = visibleInstanceIds(ctx.actor);
  if (visible) and.push({ instanceId: { in: visible } });
  if (q.ruleId) and.push({ ruleId: q.ruleId });
  if (q.view === 'pending') and.push({ dryRun: false, state: { in: [...PENDING_STATES] } });
  if (q.view === 'dry_run') and.push({ state: 'would_hold' });
  const orderBy: Prisma.HoldOrderByWithRelationInput[] = q.view === 'pending' ? [{ dueAt: 'asc' }, { id: 'asc' }] : [{ createdAt: 'desc' }, { id: 'asc' }];
  const rows = await db.hold.findMany({ where: { AND: and }, orderBy, take: q.limit, select: HOLD_VIEW_SELECT });
  return mapHolds(ctx, rows);
}

/** The given holds as views, in the given order, leaving out any the actor cannot see. */
export async function listHoldsByIds(ctx: Ctx, ids: string[]): Promise<HoldView[]> {
  const visible = visibleInstanceIds(ctx.actor);
  const rows = await db.hold.findMany({ where: { id: { in: ids }, ...(visible ? { instanceId: { in: visible } } : {}) }, select: HOLD_VIEW_SELECT });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return mapHolds(ctx, ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : [])));
}

export async function mapHolds(ctx: Ctx, rows: HoldViewRow[]): Promise<HoldView[]> {
  if (rows.length === 0) return [];
  const instances = await db.instance.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.instanceId))] } }, select: { id: true, name: true } });
  const view = await holdViewer(ctx.actor, rows, new Map(instances.map((i) => [i.id, i.name])));
  return rows.map(view);
}
