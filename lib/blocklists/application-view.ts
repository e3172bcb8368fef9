/**
 * Applications as the history shows them. Counts come from the change rows the actor may see (a moderator limited
 * to some instances never learns about the others), so they are the truth after retries too.
 */
import { db } from '@/lib/db';
import type { Actor } from '@/lib/audit/actor';
import { visibleInstanceIds } from '@/lib/auth/policy';
import { staffLabeler } from '@/lib/team/staff-labeler';
import type { ApplicationState, ApplicationView, ApplyOp } from './types';
import { latestUndoable } from './undoable';

interface AppRow {
  id: string;
  kind: string;
  createdAt: Date;
  requestedById: string | null;
  undoOfId: string | null;
  undoneAt: Date | null;
}

export function changeFilter(actor: Actor): { instanceId?: { in: string[] } } {
  const ids = visibleInstanceIds(actor);
  return ids === null ? {} : { instanceId: { in: ids } };
}

export function stateOf(counts: { queued: number; done: number; failed: number }): ApplicationState {
  if (counts.queued > 0) return 'queued';
  if (counts.failed === 0) return 'done';
  return counts.done === 0 ? 'failed' : 'partial';
}

export async function toApplicationViews(actor: Actor, apps: AppRow[]): Promise<ApplicationView[]> {
  if (apps.length === 0) return [];
  const ids = apps.map((a) => a.id);
  const groups = await db.blocklistChange.groupBy({
    by: ['applicationId', 'instanceId', 'op', 'state'],
    where: { applicationId: { in: ids }, ...changeFilter(actor) },
    _count: { _all: true },
  });
  const users = await db.user.findMany({ where: { id: { in: apps.map((a) => a.requestedById).filter((x): x is string => x !== null) } }, select: { id: true, email: true } });
  // Colleagues by pseudonym where the team shows them (lib/team/staff-labeler.ts); the email otherwise, as before.
  const label = await staffLabeler(actor, users.map((u) => u.id));
  const email = new Map(users.map((u) => [u.id, label(u.id, u.email)]));
  const undoable = await latestUndoable();
  return apps.map((a) => {
    const summary = { instances: 0, add: 0, raise: 0, lower: 0, update: 0, remove: 0 };
    const counts = { queued: 0, done: 0, failed: 0 };
    const instances = new Set<string>();
    for (const g of groups) {
      if (g.applicationId !== a.id) continue;
      instances.add(g.instanceId);
      if (g.op in summary) summary[g.op as ApplyOp] += g._count._all;
      counts[g.state] += g._count._all;
    }
    summary.instances = instances.size;
    return {
      id: a.id, kind: a.kind as ApplicationView['kind'], createdAt: a.createdAt.toISOString(),
      requestedBy: a.requestedById ? (email.get(a.requestedById) ?? null) : null,
      undoOfId: a.undoOfId, undoneAt: a.undoneAt?.toISOString() ?? null,
      canUndo: undoable?.id === a.id, state: stateOf(counts), summary, counts,
    };
  });
}
