/**
 * A report.created / report.updated webhook: the signature is checked over the raw bytes before anything
 * is parsed; the report it carries is written at once (an older replay is ignored by its updatedAt, contract I4),
 * or re-read when the webhook carries only a reduced report, and a sync is queued as the safety net.
 */
import { db } from '@/lib/db';
import { acceptsWebhooks, readSignedWebhook } from '@/lib/connectors/webhooks';
import type { RemoteReport } from '@/lib/connectors/types';
import { AppError } from '@/lib/errors';
import { connectorFor, type InstanceLike } from '@/lib/instances/connector-for';
import { openToken } from '@/lib/instances/token-box';
import { enqueueInstanceSync, enqueueMediaFetch } from '@/lib/jobs/enqueue';
import { logger } from '@/lib/log/logger';
import { describeError } from './describe-error';
import { recordSkipped } from './record-skipped';
import { upsertReport } from './upsert-report';
import { linkSyncedReportsSafely } from '@/lib/cases/link-synced-reports';
import { readMastodonStatusEvent } from '@/lib/connectors/mastodon/webhook';
import { watchWebhookPost } from '@/lib/watch/watch-webhook-post';
import { scoreSyncedReportsSafely } from '@/lib/holding/score-synced-reports';

const log = logger('webhook');

export async function handleWebhook(input: { instanceId: string; rawBody: Buffer; headers: Headers }): Promise<{ event: string; reportId: string | null }> {
  const instance = await db.instance.findUnique({ where: { id: input.instanceId } });
  // Same answer for unknown instances and bad signatures: nothing to learn by probing ids.
  if (!instance || !acceptsWebhooks(instance.kind)) throw new AppError('unauthorized', 'webhook for unknown instance', { userMessage: 'Invalid signature.' });
  const secret = await openToken(instance.webhookSecretSealed, `${instance.baseUrl}#webhook`);
  const parsed = readSignedWebhook(instance.kind, { rawBody: input.rawBody, headers: input.headers, secret, baseUrl: instance.baseUrl });
  if (!parsed.verified) {
    log.warn('webhook signature rejected', { instanceId: instance.id });
    throw new AppError('unauthorized', 'bad webhook signature', { userMessage: 'Invalid signature.' });
  }
  // Watch lists: a new or edited post is matched against the watch terms; it is not a report, so no sync follows.
  if (instance.kind === 'mastodon' && (parsed.event === 'status.created' || parsed.event === 'status.updated')) {
    const read = readMastodonStatusEvent(input.rawBody);
    return { event: parsed.event, reportId: await watchWebhookPost(instance, parsed.event, read.post, read.error) };
  }
  const refetch = parsed.refetch ?? null;
  const carried = parsed.report;
  if (carried) return applyReport(instance, parsed.event, carried.remoteId, async () => carried);
  if (refetch) return applyReport(instance, parsed.event, refetch, async () => (await connectorFor(instance)).getReport(refetch));
  if (parsed.error) await recordSkipped(instance.id, [{ remoteId: null, error: `webhook ${parsed.event}: ${parsed.error}`, raw: null }]);
  await enqueueInstanceSync(instance.id, 'webhook');
  return { event: parsed.event, reportId: null };
}

/**
 * Writes the webhook's report, or, when the webhook carries only a reduced one (Misskey's abuseReportResolved: no
 * creation time, no notes, short users), re-reads that report in full first (contract I3). A report that cannot be
 * read or written is recorded in one line like a sync's skipped item and the delivery is still accepted (the
 * server would only retry the same bytes); the queued sync is the safety net.
 */
async function applyReport(
  instance: InstanceLike, event: string, remoteId: string, read: () => Promise<RemoteReport>,
): Promise<{ event: string; reportId: string | null }> {
  let reportId: string | null = null;
  try {
    const out = await upsertReport(instance.id, await read());
    for (const id of out.newMediaIds) await enqueueMediaFetch(id);
    if (out.changed) await linkSyncedReportsSafely([out.reportId]);
    if (out.changed) await scoreSyncedReportsSafely([out.reportId]);
    reportId = out.reportId;
    log.info('webhook applied', { instanceId: instance.id, event, changed: out.changed });
  } catch (e) {
    log.warn('webhook report not applied', { instanceId: instance.id, event, error: describeError(e) });
    await recordSkipped(instance.id, [{ remoteId: remoteId.slice(0, 400), error: `webhook ${event}: not applied: ${describeError(e)}`, raw: null }]);
  }
  await enqueueInstanceSync(instance.id, 'webhook');
  return { event, reportId };
}
