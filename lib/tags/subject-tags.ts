/** The tags on one subject the actor may see (the SubjectTags chips). */
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/audit/actor';
import { assertSubjectVisible, normalizeSubjectKey, subjectTypeSchema } from '@/lib/notes/subject';
import { AppError } from '@/lib/errors';
import { tagsFor } from './tags-for';

export async function getSubjectTags({ ctx, input }: { ctx: Ctx; input: { subjectType: string; subjectKey: string } }): Promise<string[]> {
  const type = subjectTypeSchema.safeParse(input.subjectType);
  if (!type.success) throw new AppError('bad_request', 'bad subject type', { userMessage: type.error.issues[0]?.message });
  const key = normalizeSubjectKey(type.data, input.subjectKey);
  await assertSubjectVisible(db, ctx.actor, type.data, key);
  return (await tagsFor(type.data, [key])).get(key) ?? [];
}
