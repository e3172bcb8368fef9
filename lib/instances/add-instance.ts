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
import { connectFailure, notDetected, verifyFailed } from './connect-failure';
import { tokenTooShortMessage } from './token-rules';
import { connectorWithToken, detectInstanceSoftware } from './connector-for';
import { normalizeBaseUrl } from './normalize-url';
import { sealToken } from './token-box';

const log = logger('instances');

export const addInstanceInput = z.object({
  kind: z.enum(['auto', 'mastodon', 'gotosocial', 'akkoma', 'misskey', 'lemmy', 'peertube']).default('auto'),
  baseUrl: z.string().min(1).max(300),
  // Too short is checked in the verb (token-rules.ts), to say so in words instead of "the request was not valid".
  token: z.string().max(2000),
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
  // Said before a single request goes out: a truncated paste is the commonest reason a check fails.
  const short = tokenTooShortMessage(data.token);
  if (short) throw new AppError('bad_request', 'token too short', { userMessage: short, publicData: { cause: 'token_too_short' } });
  const { baseUrl, domain } = normalizeBaseUrl(data.baseUrl);
  if (await db.instance.findUnique({ where: { baseUrl }, select: { id: true } })) {
    throw new AppError('conflict', 'instance exists', { userMessage: 'That instance is already connected.' });
  }
  const why = { baseUrl, allowPrivate: data.allowPrivate, canAllowPrivate: canAllowPrivate(ctx.actor) };
  // Unreachable, refused or TLS-broken hosts throw here, also for a hand-picked kind: the token calls would fail alike.
  const found = await detectInstanceSoftware(baseUrl, data.allowPrivate).catch((e: unknown) => { throw connectFailure(e, why); });
  const kind = data.kind === 'auto' ? found.kind : data.kind;
  if (!kind) throw notDetected(found, new URL(baseUrl).host);
  // What each URL answered only explains a failure; it is not stored with the instance or the audit event.
  const detected = { kind: found.kind, name: found.name, version: found.version, source: found.source };
  // The version only counts when detection agrees on the kind; a hand-picked kind gets its oldest API generation.
  const apiVersion = apiVersionFor(kind, detected.kind === kind ? detected.version : null);
  const probe = connectorWithToken(kind, baseUrl, data.token, data.allowPrivate, apiVersion);
  const checks = await probe.verify()
    .catch((e: unknown) => { throw connectFailure(e, why); })
    .finally(() => probe.close?.()); // the check's own session is not kept alive
  if (!checks.ok) throw verifyFailed(checks);
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
