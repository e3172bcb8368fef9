/**
 * Creates a notification hook, or changes one (a partial change: what is absent stays). The secret is write-only:
 * sealed bound to the URL, never returned or audited. Moving a hook to another URL needs the secret again, so a
 * token never follows an address change its owner did not restate. Admins; a private address is for owners.
 */
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/audit/actor';
import { recordEvent } from '@/lib/audit/record-event';
import { assertAllowed, canAllowPrivate, hasRole } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';
import { Prisma } from '@/lib/generated/prisma/client';
import { hookInputSchema, hookPatchSchema, type HookPatch } from './hook-input';
import { sealHookSecret } from './hook-secret';
import { hookNotFound, toHookView } from './hook-view';
import type { NotifyHookView } from './types';

export async function saveHook({ ctx, input }: { ctx: Ctx; input: HookPatch & { id?: string } }): Promise<NotifyHookView> {
  assertAllowed(hasRole(ctx.actor, 'admin'), 'notify.hooks.write');
  const { id, ...rest } = input;
  const patch = id ? hookPatchSchema.parse(rest) : hookInputSchema.parse(rest);
  try {
    return await db.$transaction(async (tx) => {
      const before = id ? await tx.notifyHook.findUnique({ where: { id } }) : null;
      if (id && !before) throw hookNotFound();
      const next = {
        name: patch.name ?? before!.name, kind: patch.kind ?? before!.kind, url: patch.url ?? before!.url,
        room: patch.room !== undefined ? patch.room : (before?.room ?? null), enabled: patch.enabled ?? before!.enabled,
        events: patch.events ?? before!.events,
      };
      const sameUrl = before?.url === next.url;
      // An exemption not restated is kept only while the address stays the same; a new one needs an owner.
      const allowPrivate = patch.allowPrivate ?? (sameUrl && before!.allowPrivate);
      if (allowPrivate && !(sameUrl && before!.allowPrivate)) assertAllowed(canAllowPrivate(ctx.actor), 'notify.hooks.allow_private');
      if (next.kind === 'matrix' && !next.room) throw bad('A Matrix hook needs the room id.');
      if (next.kind === 'json') next.room = null;
      const secret = patch.secret?.trim() ? patch.secret.trim() : null;
      if (!secret && !sameUrl) throw bad(before ? 'Enter the secret again: it is bound to the old address.' : next.kind === 'matrix' ? 'Enter the access token.' : 'Enter the signing secret.');
      const secretSealed = secret ? await sealHookSecret(secret, next.url) : before!.secretSealed;
      const data = { ...next, allowPrivate, secretSealed };
      const row = before ? await tx.notifyHook.update({ where: { id: before.id }, data }) : await tx.notifyHook.create({ data });
      await recordEvent(tx, {
        actor: ctx.actor, action: before ? 'notify_hook.updated' : 'notify_hook.created', targetType: 'notify_hook', targetId: row.id,
        details: { name: row.name, kind: row.kind, url: row.url, room: row.room, events: row.events, enabled: row.enabled, allowPrivate, secretChanged: secret !== null },
      });
      return toHookView(row, 0);
    });
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002') {
      throw new AppError('conflict', 'notify hook name taken', { userMessage: 'Another hook already has that name.' });
    }
    throw e;
  }
}

function bad(message: string): AppError {
  return new AppError('bad_request', `notify hook: ${message}`, { userMessage: message });
}
