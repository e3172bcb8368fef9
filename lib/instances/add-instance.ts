import crypto from 'node:crypto';
import { z } from 'zod';
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/audit/actor';
import { recordEvent } from '@/lib/audit/record-event';
import { assertAllowed, canAllowPrivate, canManageInstances } from '@/lib/auth/policy';
import type { VerifyResult } from '@/lib/connectors/types';
import { AppError } from '@/lib/errors';
import { enqueueInstanceSync } from '@/lib/jobs/enqueue';
import { queueLookupsForInstance } from '@/lib/cases/queue-lookups-for-instance';
import { logger } from '@/lib/log/logger';
import { apiVersionFor } from '@/lib/connectors/detect/api-version';
import { connectorWithToken, detectInstanceSoftware } from './connector-for';
import { normalizeBaseUrl } from './normalize-url';
import { sealToken } from './token-box';

const log = logger('instances');

export const addInstanceInput = z.object({
  kind: z.enum(['auto', 'mastodon', 'gotosocial', 'akkoma', 'misskey', 'lemmy', 'peertube']).default('auto'),
  baseUrl: z.string().min(1).max(300),
  token: z.string().min(8).max(2000),
  name: z.string().max(100).optional(),
  allowPrivate: z.boolean().default(false),
});

export interface AddedInstance {
  id: string;
  name: string;
  checks: VerifyResult;
}

/** Verifies the token against the instance first; nothing is stored unless reports can be read. */
export async function addInstance({ ctx, input }: { ctx: Ctx; input: z.input<typeof addInstanceInput> }): Promise<AddedInstance> {
  assertAllowed(canManageInstances(ctx.actor), 'instance.add');
  const data = addInstanceInput.parse(input);
  if (data.allowPrivate) assertAllowed(canAllowPrivate(ctx.actor), 'instance.allow_private');
  const { baseUrl, domain } = normalizeBaseUrl(data.baseUrl);
  if (await db.instance.findUnique({ where: { baseUrl }, select: { id: true } })) {
    throw new AppError('conflict', 'instance exists', { userMessage: 'That instance is already connected.' });
  }
  const detected = await detectInstanceSoftware(baseUrl, data.allowPrivate);
  const kind = data.kind === 'auto' ? detected.kind : data.kind;
  if (!kind) {
    throw new AppError('bad_request', 'software not detected', { userMessage: 'Could not tell which server software this is. Choose it by hand.', publicData: { detected } });
  }
  // The version only counts when detection agrees on the kind; a hand-picked kind gets its oldest API generation.
  const apiVersion = apiVersionFor(kind, detected.kind === kind ? detected.version : null);
  const probe = connectorWithToken(kind, baseUrl, data.token, data.allowPrivate, apiVersion);
  const checks = await probe.verify().finally(() => probe.close?.()); // the check's own session is not kept alive
  if (!checks.ok) {
    throw new AppError('bad_request', 'instance verification failed', {
      userMessage: 'The token cannot read reports on this instance. See the checks below.',
      publicData: { checks },
    });
  }
  const tokenSealed = await sealToken(data.token, baseUrl);
  const webhookSecretSealed = await sealToken(crypto.randomBytes(24).toString('hex'), `${baseUrl}#webhook`);
  const name = data.name?.trim() || checks.instance?.title || domain;
  const created = await db.$transaction(async (tx) => {
    const row = await tx.instance.create({
      data: {
        name, kind, baseUrl, domain, tokenSealed, webhookSecretSealed, allowPrivate: data.allowPrivate,
        status: 'ok', software: { ...(checks.instance ?? {}), detected, apiVersion } as object, checks: checks as unknown as object,
      },
    });
    await recordEvent(tx, {
      actor: ctx.actor, action: 'instance.added', targetType: 'instance', targetId: row.id, instanceId: row.id,
      details: { baseUrl, kind, detected, apiVersion, name, allowPrivate: data.allowPrivate, checks: checks.checks },
    });
    return row;
  });
  await enqueueInstanceSync(created.id, 'added');
  // Active cases ask the new instance too; a failure here never undoes the connection (the tick retries queued rows).
  await queueLookupsForInstance(created.id).catch((e: unknown) => log.warn('case lookups for the new instance not queued', { instanceId: created.id, error: e instanceof Error ? e.message : String(e) }));
  return { id: created.id, name, checks };
}
