/**
 * Turns the @names in a new note into inbox items, inside the note's transaction: one NoteMention per colleague
 * named (never the author, never a disabled account, never someone who cannot see the subject: a moderator limited
 * to other instances must not learn of a report there), and one `note.mention` audit event listing them.
 */
import type { Tx } from '@/lib/db';
import { actorId, actorLabel, type Actor } from '@/lib/audit/actor';
import { recordEvent } from '@/lib/audit/record-event';
import { excerpt, parseMentions } from './mentions';

export interface MentionSource {
  noteKind: 'team' | 'case';
  noteId: string;
  subjectType: string;
  subjectKey: string;
  body: string;
  /** The subject's instances (null: every member may see it). */
  instanceIds: string[] | null;
}

export async function recordMentions(tx: Tx, actor: Actor, src: MentionSource): Promise<string[]> {
  if (!src.body.includes('@')) return [];
  const users = await tx.user.findMany({
    where: { disabledAt: null },
    select: { id: true, email: true, name: true, pseudonym: true, limitedToInstances: true, instances: { select: { instanceId: true } } },
  });
  const me = actorId(actor);
  const sees = (u: (typeof users)[number]) =>
    src.instanceIds === null || !u.limitedToInstances || u.instances.some((i) => src.instanceIds!.includes(i.instanceId));
  const named = parseMentions(src.body, users).filter((u) => u.id !== me && sees(u));
  if (named.length === 0) return [];
  const line = excerpt(src.body);
  await tx.noteMention.createMany({
    data: named.map((u) => ({ userId: u.id, noteKind: src.noteKind, noteId: src.noteId, subjectType: src.subjectType, subjectKey: src.subjectKey, authorLabel: actorLabel(actor), excerpt: line })),
    skipDuplicates: true,
  });
  const userIds = named.map((u) => u.id);
  await recordEvent(tx, {
    actor, action: 'note.mention', targetType: src.subjectType, targetId: src.subjectKey,
    details: { noteKind: src.noteKind, noteId: src.noteId, userIds },
  });
  return userIds;
}
