/**
 * My inbox: the mentions I have not marked seen (newest first), and for admins and owners the open escalations.
 * A mention whose subject I can no longer see (my instances changed since) is left out rather than leaked.
 */
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/audit/actor';
import { hasRole, visibleInstanceIds } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';
import { listOpenEscalations } from '@/lib/escalations/list-escalations';
import { staffLabeler } from '@/lib/team/staff-labeler';
import { canSeeSubject, subjectHref, subjectInstanceIds, type SubjectType } from './subject';
import type { InboxView, MentionView } from './types';

const LIMIT = 200;

export async function getInbox({ ctx }: { ctx: Ctx }): Promise<InboxView> {
  if (ctx.actor.type !== 'user') throw new AppError('forbidden', 'the inbox is a person\'s');
  const rows = await db.noteMention.findMany({ where: { userId: ctx.actor.id, seenAt: null }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: LIMIT });
  const label = await authorLabels(ctx, rows);
  const mentions: MentionView[] = [];
  const limited = visibleInstanceIds(ctx.actor) !== null;
  for (const m of rows) {
    const ids = !limited ? null : await subjectInstanceIds(db, m.subjectType as SubjectType, m.subjectKey).catch(() => undefined);
    if (ids === undefined || !canSeeSubject(ctx.actor, ids)) continue;
    mentions.push({ id: m.id, noteKind: m.noteKind, subjectType: m.subjectType, subjectKey: m.subjectKey, href: subjectHref(m.subjectType, m.subjectKey), authorLabel: label(m), excerpt: m.excerpt, createdAt: m.createdAt.toISOString() });
  }
  const escalations = hasRole(ctx.actor, 'admin') ? await listOpenEscalations(ctx) : [];
  return { mentions, unseenCount: mentions.length, escalations, openEscalationCount: escalations.length };
}

/** The mention row keeps the author's label from when it was written; the note itself knows who wrote it. */
async function authorLabels(ctx: Ctx, rows: { noteKind: string; noteId: string; authorLabel: string }[]): Promise<(m: { noteKind: string; noteId: string; authorLabel: string }) => string> {
  const ids = (kind: string) => rows.filter((r) => r.noteKind === kind).map((r) => r.noteId);
  const [team, cases] = await Promise.all([
    db.teamNote.findMany({ where: { id: { in: ids('team') } }, select: { id: true, authorId: true } }),
    db.caseNote.findMany({ where: { id: { in: ids('case') } }, select: { id: true, authorId: true } }),
  ]);
  const author = new Map<string, string | null>([...team.map((n) => [`team:${n.id}`, n.authorId] as const), ...cases.map((n) => [`case:${n.id}`, n.authorId] as const)]);
  const label = await staffLabeler(ctx.actor, [...author.values()]);
  return (m) => label(author.get(`${m.noteKind}:${m.noteId}`), m.authorLabel);
}
