import { z } from 'zod';
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/audit/actor';
import { recordEvent } from '@/lib/audit/record-event';
import { assertAllowed, canAllowPrivate, canManageInstances } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';
import { storedApiVersion } from '@/lib/connectors/detect/api-version';
import { connectorWithToken } from './connector-for';
import { sealToken } from './token-box';

export const updateInstanceInput = z.object({
  name: z.string().min(1).max(100).optional(),
  token: z.string().min(8).max(2000).optional(),
  allowPrivate: z.boolean().optional(),
  syncEnabled: z.boolean().optional(),
});

/** A new token is verified before it replaces the old one. The audit row says what changed, never the token. */
export async function updateInstance({ ctx, input }: { ctx: Ctx; input: { id: string } & z.input<typeof updateInstanceInput> }) {
  assertAllowed(canManageInstances(ctx.actor), 'instance.update');
  const data = updateInstanceInput.parse(input);
  const current = await db.instance.findUnique({ where: { id: input.id } });
  if (!current) throw new AppError('not_found', 'instance not found');
  const patch: Record<string, unknown> = {};
  if (data.name !== undefined) patch.name = data.name;
  // Only a real change needs the owner: the settings form sends the current value back on every save.
  if (data.allowPrivate !== undefined && data.allowPrivate !== current.allowPrivate) {
    assertAllowed(canAllowPrivate(ctx.actor), 'instance.allow_private');
    patch.allowPrivate = data.allowPrivate;
  }
  if (data.syncEnabled !== undefined) patch.syncEnabled = data.syncEnabled;
  if (data.token) {
    const probe = connectorWithToken(current.kind, current.baseUrl, data.token, data.allowPrivate ?? current.allowPrivate, storedApiVersion(current.software));
    const checks = await probe.verify().finally(() => probe.close?.()); // the check's own session is not kept alive
    if (!checks.ok) {
      throw new AppError('bad_request', 'token verification failed', { userMessage: 'The new token cannot read reports.', publicData: { checks } });
    }
    patch.tokenSealed = await sealToken(data.token, current.baseUrl);
    patch.checks = checks as unknown as object;
    patch.status = 'ok';
  }
  await db.$transaction(async (tx) => {
    await tx.instance.update({ where: { id: current.id }, data: patch });
    await recordEvent(tx, {
      actor: ctx.actor, action: 'instance.updated', targetType: 'instance', targetId: current.id, instanceId: current.id,
      details: {
        changed: Object.keys(patch).filter((k) => k !== 'tokenSealed' && k !== 'checks').concat(data.token ? ['token'] : []),
        ...('allowPrivate' in patch ? { allowPrivate: patch.allowPrivate } : {}),
      },
    });
  });
}
