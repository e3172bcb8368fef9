/**
 * Creates (no id) or changes an outside matcher. Admins; marking it a local test host (allowPrivate) is for owners,
 * as for instances. The key is sealed bound to the base URL and never returned or audited: a new URL needs the key
 * entered again, so a stored key never follows an edited address to another host.
 */
import type { Ctx } from '@/lib/audit/actor';
import { recordEvent } from '@/lib/audit/record-event';
import { assertAllowed, canAllowPrivate, hasRole } from '@/lib/auth/policy';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { Prisma } from '@/lib/generated/prisma/client';
import { getMatcherView } from './list-matchers';
import { matcherInputSchema, type MatcherPatch } from './matcher-input';
import { sealMatcherKey } from './matcher-key';
import { mediaWithHitsOf, refreshReportsForMedia } from './refresh-for-matcher';
import type { MatcherView } from './types';

const RERANK_FIELDS = ['enabled', 'severity', 'label', 'name'] as const;

export async function saveMatcher({ ctx, input }: { ctx: Ctx; input: MatcherPatch & { id?: string } }): Promise<MatcherView> {
  assertAllowed(hasRole(ctx.actor, 'admin'), 'matchers.save');
  const { id, key, ...fields } = input;
  const before = id ? await db.outsideMatcher.findUnique({ where: { id } }) : null;
  if (id && !before) throw new AppError('not_found', `matcher ${id} not found`, { userMessage: 'That matcher no longer exists.' });
  if (!before) {
    const full = matcherInputSchema.safeParse({ ...fields, key });
    if (!full.success) throw new AppError('bad_request', 'matcher: incomplete input', { userMessage: full.error.issues[0]?.message ?? 'Fill in every field.' });
  }
  const baseUrl = fields.baseUrl ?? before!.baseUrl;
  const allowPrivate = fields.allowPrivate ?? before?.allowPrivate ?? false;
  if (allowPrivate && !before?.allowPrivate) assertAllowed(canAllowPrivate(ctx.actor), 'matchers.allow_private');
  if (!allowPrivate && !/^https:\/\//i.test(baseUrl)) {
    throw new AppError('bad_request', 'matcher: http url', { userMessage: 'Use an https:// URL: the hashes and the key must not travel unencrypted.' });
  }
  const urlChanged = !!before && before.baseUrl !== baseUrl;
  if (urlChanged && before!.keySealed && key === undefined) {
    throw new AppError('bad_request', 'matcher: url changed without key', { userMessage: 'The address changed: enter the key again (or an empty key to remove it).' });
  }
  const keySealed = key === undefined ? before?.keySealed ?? null : key.trim() === '' ? null : await sealMatcherKey(key.trim(), baseUrl);
  const data = { ...fields, baseUrl, allowPrivate, keySealed };
  try {
    const saved = await db.$transaction(async (tx) => {
      const row = before ? await tx.outsideMatcher.update({ where: { id: before.id }, data }) : await tx.outsideMatcher.create({ data: data as Prisma.OutsideMatcherCreateInput });
      await recordEvent(tx, {
        actor: ctx.actor, action: before ? 'matcher.updated' : 'matcher.created', targetType: 'outside_matcher', targetId: row.id,
        details: { ...fields, baseUrl, allowPrivate, hasKey: keySealed !== null, keyChanged: key !== undefined },
      });
      return row;
    });
    if (before && RERANK_FIELDS.some((f) => fields[f] !== undefined && fields[f] !== before[f])) await refreshReportsForMedia(await mediaWithHitsOf(saved.id));
    return (await getMatcherView(saved.id))!;
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002') {
      throw new AppError('conflict', 'matcher name taken', { userMessage: 'A matcher with that name already exists.' });
    }
    throw e;
  }
}
