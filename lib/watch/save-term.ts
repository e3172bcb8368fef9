/**
 * Creates a watch term, or changes one (admins). The value is stored normalized (normalize-term.ts), so "#Trade"
 * and "trade" are one term; a second term of the same kind and value is refused rather than merged silently.
 */
import { z } from 'zod';
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/audit/actor';
import { recordEvent } from '@/lib/audit/record-event';
import { assertAllowed, hasRole } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';
import { Prisma } from '@/lib/generated/prisma/client';
import { normalizeTerm } from './normalize-term';
import { termViews } from './term-view';
import { WATCH_KINDS, type WatchKind, type WatchTermView } from './types';

export const watchTermInput = z.strictObject({
  kind: z.enum(WATCH_KINDS, { message: 'Choose hashtag, keyword or domain.' }),
  value: z.string().max(2000, 'That term is too long.'),
  note: z.string().trim().max(500, 'Keep the note under 500 characters.').optional(),
  enabled: z.boolean().optional(),
  instanceIds: z.array(z.uuid('Unknown instance.')).max(500).optional(),
});
export const watchTermPatch = watchTermInput.partial();

export type SaveTermInput = { id?: string } & z.input<typeof watchTermPatch>;

export async function saveTerm({ ctx, input }: { ctx: Ctx; input: SaveTermInput }): Promise<WatchTermView> {
  assertAllowed(hasRole(ctx.actor, 'admin'), 'watch_term.save');
  const { id, ...rest } = input;
  if (id !== undefined && !z.uuid().safeParse(id).success) throw new AppError('not_found', 'watch term not found', { userMessage: 'That watch term no longer exists.' });
  const fields = id ? watchTermPatch.parse(rest) : watchTermInput.parse(rest);
  const instanceIds = fields.instanceIds ? [...new Set(fields.instanceIds)] : undefined;
  if (instanceIds?.length) {
    const found = await db.instance.count({ where: { id: { in: instanceIds } } });
    if (found !== instanceIds.length) throw new AppError('bad_request', 'unknown instance in watch term', { userMessage: 'One of the chosen instances no longer exists.' });
  }
  try {
    const termId = await db.$transaction(async (tx) => {
      const before = id ? await tx.watchTerm.findUnique({ where: { id } }) : null;
      if (id && !before) throw new AppError('not_found', 'watch term not found', { userMessage: 'That watch term no longer exists.' });
      const kind = fields.kind ?? before!.kind;
      // A changed kind re-reads the stored value as the new kind, so it must fit it too.
      const value = fields.value !== undefined || fields.kind !== undefined ? normalizeTerm(kind as WatchKind, fields.value ?? before!.value) : before!.value;
      const data = { kind, value, ...(fields.note !== undefined ? { note: fields.note } : {}), ...(fields.enabled !== undefined ? { enabled: fields.enabled } : {}), ...(instanceIds ? { instanceIds } : {}) };
      const row = before
        ? await tx.watchTerm.update({ where: { id: before.id }, data, select: { id: true } })
        : await tx.watchTerm.create({ data: { ...data, createdById: ctx.actor.type === 'user' ? ctx.actor.id : null }, select: { id: true } });
      await recordEvent(tx, {
        actor: ctx.actor, action: before ? 'watch_term.updated' : 'watch_term.created', targetType: 'watch_term', targetId: row.id,
        details: { kind, value, enabled: data.enabled ?? before?.enabled ?? true, instanceIds: instanceIds ?? before?.instanceIds ?? [], ...(before ? { before: { kind: before.kind, value: before.value, enabled: before.enabled } } : {}) },
      });
      return row.id;
    });
    const [view] = await termViews({ id: termId });
    return view;
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002') {
      throw new AppError('conflict', 'watch term exists', { userMessage: 'That term is already on the watch list.' });
    }
    throw e;
  }
}
