/** A moderator's note on a case (ours, not sent anywhere), audited with the note; @names reach colleagues' inboxes. */
import { z } from 'zod';
import { db } from '@/lib/db';
import { actorId, actorLabel, type Ctx } from '@/lib/audit/actor';
import { recordEvent } from '@/lib/audit/record-event';
import { AppError } from '@/lib/errors';
import { recordMentions } from '@/lib/notes/record-mentions';
import { loadCaseForChange } from './case-access';
import { parseCaseId } from './case-id';

const body = z.string().trim().min(1, 'Write the note first.').max(5000);

export async function addCaseNote({ ctx, input }: { ctx: Ctx; input: { caseId: string; body: string } }): Promise<{ id: string }> {
  const caseId = parseCaseId(input.caseId);
  const text = body.safeParse(input.body);
  if (!text.success) throw new AppError('bad_request', 'invalid note', { userMessage: text.error.issues[0]?.message ?? 'Invalid note.' });
  return db.$transaction(async (tx) => {
    const { instanceIds } = await loadCaseForChange(tx, ctx.actor, caseId);
    const note = await tx.caseNote.create({ data: { caseId, authorId: actorId(ctx.actor), authorLabel: actorLabel(ctx.actor), body: text.data }, select: { id: true } });
    await recordEvent(tx, { actor: ctx.actor, action: 'case.note_added', targetType: 'case', targetId: caseId, details: { noteId: note.id, body: text.data } });
    await recordMentions(tx, ctx.actor, { noteKind: 'case', noteId: note.id, subjectType: 'case', subjectKey: caseId, body: text.data, instanceIds });
    await tx.case.update({ where: { id: caseId }, data: { updatedAt: new Date() } });
    return note;
  });
}
