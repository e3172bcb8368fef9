import { db } from '@/lib/db';
import type { Ctx } from '@/lib/audit/actor';
import { recordEvent } from '@/lib/audit/record-event';
import { assertAllowed, canManageInstances } from '@/lib/auth/policy';
import { appUrl } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { openToken } from './token-box';

/**
 * The webhook secret must be pasted into Mastodon's Administration → Webhooks, so admins can see it.
 * The admin token itself is never shown again after it is saved.
 */
export async function revealWebhookSecret({ ctx, input }: { ctx: Ctx; input: { id: string } }): Promise<{ url: string; secret: string }> {
  assertAllowed(canManageInstances(ctx.actor), 'instance.webhook_secret');
  const row = await db.instance.findUnique({ where: { id: input.id }, select: { id: true, baseUrl: true, webhookSecretSealed: true } });
  if (!row) throw new AppError('not_found', 'instance not found');
  await db.$transaction((tx) =>
    recordEvent(tx, { actor: ctx.actor, action: 'instance.webhook_secret_viewed', targetType: 'instance', targetId: row.id, instanceId: row.id }),
  );
  return { url: `${appUrl()}/api/webhooks/${row.id}`, secret: await openToken(row.webhookSecretSealed, `${row.baseUrl}#webhook`) };
}
