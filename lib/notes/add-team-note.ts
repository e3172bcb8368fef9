/** A note for colleagues on a report, account or domain: kept in our database, never sent to any server. */
import { db } from '@/lib/db';
import { actorId, actorLabel, type Ctx } from '@/lib/audit/actor';
import { hasRole } from '@/lib/auth/policy';
import { recordEvent } from '@/lib/audit/record-event';
import { AppError } from '@/lib/errors';
import { teamNoteInput, type TeamNoteInput } from './note-input';
import { recordMentions } from './record-mentions';
import { assertSubjectVisible, normalizeSubjectKey } from './subject';

export async function addTeamNote({ ctx, input }: { ctx: Ctx; input: TeamNoteInput }): Promise<{ id: string; mentioned: string[] }> {
  if (!hasRole(ctx.actor, 'moderator')) throw new AppError('forbidden', 'notes need moderator', { userMessage: 'Your role can read notes but not write them.' });
  const parsed = teamNoteInput.safeParse(input);
  if (!parsed.success) throw new AppError('bad_request', 'invalid note', { userMessage: parsed.error.issues[0]?.message ?? 'Invalid note.' });
  const { subjectType, body } = parsed.data;
  const subjectKey = normalizeSubjectKey(subjectType, parsed.data.subjectKey);
  return db.$transaction(async (tx) => {
    const instanceIds = await assertSubjectVisible(tx, ctx.actor, subjectType, subjectKey);
    const note = await tx.teamNote.create({ data: { subjectType, subjectKey, authorId: actorId(ctx.actor), authorLabel: actorLabel(ctx.actor), body }, select: { id: true } });
    await recordEvent(tx, {
      actor: ctx.actor, action: 'note.added', targetType: subjectType, targetId: subjectKey,
      instanceId: subjectType === 'report' ? instanceIds?.[0] ?? null : null,
      details: { subjectType, subjectKey, noteId: note.id, body },
    });
    const mentioned = await recordMentions(tx, ctx.actor, { noteKind: 'team', noteId: note.id, subjectType, subjectKey, body, instanceIds });
    return { id: note.id, mentioned };
  });
}
