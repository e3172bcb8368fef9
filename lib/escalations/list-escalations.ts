/** Open escalations the actor may see (newest first), and one subject's escalations (open first, then history). */
import { db } from '@/lib/db';
import type { Actor, Ctx } from '@/lib/audit/actor';
import { hasRole, visibleInstanceIds } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';
import { assertSubjectVisible, canSeeSubject, normalizeSubjectKey, subjectInstanceIds, subjectTypeSchema, type SubjectType } from '@/lib/notes/subject';
import type { EscalationView } from '@/lib/notes/types';
import { staffLabeler, type StaffLabeler } from '@/lib/team/staff-labeler';
import { escalationView } from './to-view';

export async function listOpenEscalations(ctx: Ctx): Promise<EscalationView[]> {
  const rows = await db.escalation.findMany({ where: { resolvedAt: null }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: 200 });
  const label = await staffLabeler(ctx.actor, rows.flatMap((r) => [r.assigneeId, r.raisedById, r.resolvedById]));
  const labels = await assigneeLabels(label, rows.map((r) => r.assigneeId));
  const limited = visibleInstanceIds(ctx.actor) !== null;
  const out: EscalationView[] = [];
  for (const r of rows) {
    if (limited) {
      const ids = await subjectInstanceIds(db, r.subjectType as SubjectType, r.subjectKey).catch(() => undefined);
      if (ids === undefined || !canSeeSubject(ctx.actor, ids)) continue;
    }
    out.push(escalationView(r, r.assigneeId ? labels.get(r.assigneeId) ?? null : null, label));
  }
  return out;
}

/** The caller has already checked the subject is visible. */
export async function listSubjectEscalations(actor: Actor, subjectType: SubjectType, subjectKey: string): Promise<EscalationView[]> {
  const rows = await db.escalation.findMany({ where: { subjectType, subjectKey }, orderBy: [{ createdAt: 'desc' }], take: 20 });
  const label = await staffLabeler(actor, rows.flatMap((r) => [r.assigneeId, r.raisedById, r.resolvedById]));
  const labels = await assigneeLabels(label, rows.map((r) => r.assigneeId));
  return rows
    .map((r) => escalationView(r, r.assigneeId ? labels.get(r.assigneeId) ?? null : null, label))
    .sort((a, b) => Number(a.resolvedAt !== null) - Number(b.resolvedAt !== null));
}

async function assigneeLabels(label: StaffLabeler, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((x): x is string => x !== null))];
  if (wanted.length === 0) return new Map();
  const users = await db.user.findMany({ where: { id: { in: wanted } }, select: { id: true, name: true, email: true } });
  return new Map(users.map((u) => [u.id, label(u.id, u.name.trim() || u.email)]));
}

/** One subject's escalations for the EscalateControl, and whether the actor may settle them. */
export async function getSubjectEscalations({ ctx, input }: { ctx: Ctx; input: { subjectType: string; subjectKey: string } }): Promise<{ escalations: EscalationView[]; canSettle: boolean }> {
  const type = subjectTypeSchema.safeParse(input.subjectType);
  if (!type.success) throw new AppError('bad_request', 'bad subject type', { userMessage: type.error.issues[0]?.message });
  const key = normalizeSubjectKey(type.data, input.subjectKey);
  await assertSubjectVisible(db, ctx.actor, type.data, key);
  return { escalations: await listSubjectEscalations(ctx.actor, type.data, key), canSettle: hasRole(ctx.actor, 'admin') };
}
