/** The team's notes on one subject, oldest first (a conversation reads top to bottom). */
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/audit/actor';
import { hasRole } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';
import { teamNoteSubjectType } from './note-input';
import { assertSubjectVisible, normalizeSubjectKey } from './subject';
import { staffLabeler } from '@/lib/team/staff-labeler';
import type { TeamNoteView } from './types';

export async function listTeamNotes({ ctx, input }: { ctx: Ctx; input: { subjectType: string; subjectKey: string } }): Promise<TeamNoteView[]> {
  if (!hasRole(ctx.actor, 'viewer')) throw new AppError('forbidden', 'notes need staff');
  const type = teamNoteSubjectType.safeParse(input.subjectType);
  if (!type.success) throw new AppError('bad_request', 'bad subject type', { userMessage: type.error.issues[0]?.message });
  const key = normalizeSubjectKey(type.data, input.subjectKey);
  await assertSubjectVisible(db, ctx.actor, type.data, key);
  const rows = await db.teamNote.findMany({ where: { subjectType: type.data, subjectKey: key }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], take: 500 });
  const label = await staffLabeler(ctx.actor, rows.map((n) => n.authorId));
  return rows.map((n) => ({ id: n.id, authorLabel: label(n.authorId, n.authorLabel), body: n.body, createdAt: n.createdAt.toISOString() }));
}
