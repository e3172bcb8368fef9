/**
 * Adds or removes tags on many subjects at once (the queue's bulk "Tag…"): every subject must be visible to the
 * actor or nothing changes, and the call is one audit event listing the keys.
 */
import { db } from '@/lib/db';
import type { Tx } from '@/lib/db';
import { actorId, type Ctx } from '@/lib/audit/actor';
import { hasRole } from '@/lib/auth/policy';
import { recordEvent } from '@/lib/audit/record-event';
import { AppError } from '@/lib/errors';
import { assertSubjectVisible, normalizeSubjectKey, type SubjectType } from '@/lib/notes/subject';
import { tagChangeInput, type TagChangeInput } from './tag-input';

interface Parsed { subjectType: SubjectType; keys: string[]; tags: string[] }

function parse(ctx: Ctx, input: TagChangeInput): Parsed {
  if (!hasRole(ctx.actor, 'moderator')) throw new AppError('forbidden', 'tags need moderator', { userMessage: 'Your role can read tags but not change them.' });
  const p = tagChangeInput.safeParse(input);
  if (!p.success) throw new AppError('bad_request', 'invalid tags', { userMessage: p.error.issues[0]?.message ?? 'Invalid tags.' });
  const keys = [...new Set(p.data.subjectKeys.map((k) => normalizeSubjectKey(p.data.subjectType, k)))];
  return { subjectType: p.data.subjectType, keys, tags: [...new Set(p.data.tags)] };
}

async function checkVisible(tx: Tx, ctx: Ctx, p: Parsed): Promise<void> {
  for (const key of p.keys) await assertSubjectVisible(tx, ctx.actor, p.subjectType, key);
}

export async function addTags({ ctx, input }: { ctx: Ctx; input: TagChangeInput }): Promise<{ added: number }> {
  const p = parse(ctx, input);
  return db.$transaction(async (tx) => {
    await checkVisible(tx, ctx, p);
    const out = await tx.subjectTag.createMany({
      data: p.keys.flatMap((subjectKey) => p.tags.map((tag) => ({ subjectType: p.subjectType, subjectKey, tag, createdById: actorId(ctx.actor) }))),
      skipDuplicates: true,
    });
    await recordEvent(tx, { actor: ctx.actor, action: 'tag.added', targetType: p.subjectType, targetId: p.keys.length === 1 ? p.keys[0] : null, details: { subjectType: p.subjectType, subjectKeys: p.keys, tags: p.tags, added: out.count } });
    return { added: out.count };
  });
}

export async function removeTags({ ctx, input }: { ctx: Ctx; input: TagChangeInput }): Promise<{ removed: number }> {
  const p = parse(ctx, input);
  return db.$transaction(async (tx) => {
    await checkVisible(tx, ctx, p);
    const out = await tx.subjectTag.deleteMany({ where: { subjectType: p.subjectType, subjectKey: { in: p.keys }, tag: { in: p.tags } } });
    await recordEvent(tx, { actor: ctx.actor, action: 'tag.removed', targetType: p.subjectType, targetId: p.keys.length === 1 ? p.keys[0] : null, details: { subjectType: p.subjectType, subjectKeys: p.keys, tags: p.tags, removed: out.count } });
    return { removed: out.count };
  });
}

/** One tag off one subject (the chip's remove button). */
export function removeTag({ ctx, input }: { ctx: Ctx; input: { subjectType: SubjectType; subjectKey: string; tag: string } }) {
  return removeTags({ ctx, input: { subjectType: input.subjectType, subjectKeys: [input.subjectKey], tags: [input.tag] } });
}
