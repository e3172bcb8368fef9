import { db } from '@/lib/db';
import type { Ctx } from '@/lib/audit/actor';
import { z } from 'zod';
import { canSeeInstance } from '@/lib/auth/policy';
import { capabilitiesFor } from '@/lib/connectors/registry';
import type { ServerKind } from '@/lib/connectors/types';
import { appUrl } from '@/lib/env';
import { AppError } from '@/lib/errors';

/**
 * A malformed id is a 400; an instance the actor cannot see answers exactly like one that does not exist (404),
 * so a limited moderator cannot probe which ids exist.
 */
export async function getInstance({ ctx, input }: { ctx: Ctx; input: { id: string } }) {
  if (!z.uuid().safeParse(input.id).success) throw new AppError('bad_request', 'malformed instance id', { userMessage: 'That is not a valid instance id.' });
  if (!canSeeInstance(ctx.actor, input.id)) throw new AppError('not_found', 'instance not visible to actor');
  const row = await db.instance.findUnique({
    where: { id: input.id },
    select: {
      id: true, name: true, kind: true, baseUrl: true, domain: true, status: true, allowPrivate: true, syncEnabled: true,
      software: true, checks: true, lastSyncAt: true, lastSyncStartedAt: true, lastError: true, lastErrorAt: true, createdAt: true,
      syncIssues: { orderBy: { createdAt: 'desc' }, take: 20, select: { id: true, remoteId: true, error: true, createdAt: true } },
    },
  });
  if (!row) throw new AppError('not_found', 'instance not found');
  const [open, resolved, media] = await Promise.all([
    db.report.count({ where: { instanceId: row.id, status: 'open' } }),
    db.report.count({ where: { instanceId: row.id, status: 'resolved' } }),
    db.media.groupBy({ by: ['state'], where: { instanceId: row.id }, _count: { _all: true } }),
  ]);
  return {
    ...row,
    counts: { open, resolved, media: Object.fromEntries(media.map((m) => [m.state, m._count._all])) },
    capabilities: capabilitiesFor(row.kind as ServerKind),
    webhookUrl: `${appUrl()}/api/webhooks/${row.id}`,
  };
}
