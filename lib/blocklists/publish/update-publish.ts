/**
 * Owners and admins publish the merged list (or stop): public, or behind a random token that can be rotated (the
 * old URL stops working at once). The token never goes into the audit log.
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/audit/actor';
import { recordEvent } from '@/lib/audit/record-event';
import { hasRole } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';
import type { PublishView } from '../types';
import { parsePublishSettings, PUBLISH_KEY, type PublishSettings } from './publish-settings';
import { publishUrl } from './publish-url';

const input = z.object({ enabled: z.boolean(), public: z.boolean(), rotateToken: z.boolean().optional() }).strict();

export async function updatePublish({ ctx, input: raw }: { ctx: Ctx; input: { enabled: boolean; public: boolean; rotateToken?: boolean } }): Promise<PublishView> {
  if (!hasRole(ctx.actor, 'admin')) throw new AppError('forbidden', 'forbidden: blocklists.publish.update', { userMessage: 'Only owners and admins can change how the list is published.' });
  const parsed = input.safeParse(raw);
  if (!parsed.success) throw new AppError('bad_request', 'publish: invalid input', { userMessage: parsed.error.issues[0]?.message ?? 'The request was not valid.' });
  const { enabled, public: isPublic, rotateToken } = parsed.data;
  return db.$transaction(async (tx) => {
    const row = await tx.setting.findUnique({ where: { key: PUBLISH_KEY } });
    const before = parsePublishSettings(row?.value);
    const token = rotateToken || !before.token ? randomBytes(24).toString('base64url') : before.token;
    const after: PublishSettings = { enabled, public: isPublic, token };
    await tx.setting.upsert({ where: { key: PUBLISH_KEY }, create: { key: PUBLISH_KEY, value: after }, update: { value: after } });
    await recordEvent(tx, {
      actor: ctx.actor, action: 'blocklist.publish.updated', targetType: 'blocklist_policy', targetId: null,
      details: { from: { enabled: before.enabled, public: before.public }, to: { enabled, public: isPublic }, tokenRotated: token !== before.token },
    });
    return { enabled, public: isPublic, url: publishUrl(after) };
  });
}
