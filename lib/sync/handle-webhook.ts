/**
 * A report.created / report.updated webhook: the signature is checked over the raw bytes before anything
 * is parsed; the report it carries is written at once, and a sync is queued as the safety net.
 */
import { db } from '@/lib/db';
import { acceptsWebhooks, readSignedWebhook } from '@/lib/connectors/webhooks';
import { AppError } from '@/lib/errors';
import { openToken } from '@/lib/instances/token-box';
import { enqueueInstanceSync, enqueueMediaFetch } from '@/lib/jobs/enqueue';
import { logger } from '@/lib/log/logger';
import { recordSkipped } from './record-skipped';
import { upsertReport } from './upsert-report';

const log = logger('webhook');

export async function handleWebhook(input: { instanceId: string; rawBody: Buffer; headers: Headers }): Promise<{ event: string; reportId: string | null }> {
  const instance = await db.instance.findUnique({ where: { id: input.instanceId }, select: { id: true, kind: true, baseUrl: true, webhookSecretSealed: true } });
  // Same answer for unknown instances and bad signatures: nothing to learn by probing ids.
  if (!instance || !acceptsWebhooks(instance.kind)) throw new AppError('unauthorized', 'webhook for unknown instance', { userMessage: 'Invalid signature.' });
  const secret = await openToken(instance.webhookSecretSealed, `${instance.baseUrl}#webhook`);
  const parsed = readSignedWebhook(instance.kind, { rawBody: input.rawBody, headers: input.headers, secret, baseUrl: instance.baseUrl });
  if (!parsed.verified) {
    log.warn('webhook signature rejected', { instanceId: instance.id });
    throw new AppError('unauthorized', 'bad webhook signature', { userMessage: 'Invalid signature.' });
  }
  if (!parsed.report) {
    if (parsed.error) await recordSkipped(instance.id, [{ remoteId: null, error: `webhook ${parsed.event}: ${parsed.error}`, raw: null }]);
    await enqueueInstanceSync(instance.id, 'webhook');
    return { event: parsed.event, reportId: null };
  }
  const out = await upsertReport(instance.id, parsed.report);
  for (const id of out.newMediaIds) await enqueueMediaFetch(id);
  await enqueueInstanceSync(instance.id, 'webhook');
  log.info('webhook applied', { instanceId: instance.id, event: parsed.event, changed: out.changed });
  return { event: parsed.event, reportId: out.reportId };
}
