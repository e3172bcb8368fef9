/**
 * Mastodon webhooks: X-Hub-Signature is "sha256=" + hex HMAC-SHA256(secret, raw body). The signature must be
 * checked over the exact bytes received, before any parsing; the body is then parsed like any remote data.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { RemoteReport } from '../types';
import type { RemotePost } from '../watch-types';
import { adminReportSchema } from './api-types';
import { mapAdminReport } from './mapper';
import { formatIssues } from './parse-remote';
import { toIsoDate } from '../shared/remote-schemas';
import { toWritableReport } from '../shared/writable-report';
import { toWritablePost } from '../shared/writable-post';
import { mastodonPostSchema } from './watch-schema';
import { mapPost, mapPublicAccount } from './watch-mapper';

export function verifyMastodonSignature(rawBody: Buffer | string, header: string | null, secret: string): boolean {
  if (!header || !secret) return false;
  const match = /^sha256=([0-9a-fA-F]{64})$/.exec(header.trim());
  if (!match) return false;
  const expected = createHmac('sha256', secret).update(rawBody).digest();
  const given = Buffer.from(match[1], 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

const envelopeSchema = z.object({
  event: z.string().max(100),
  created_at: z.string().nullish(),
  object: z.unknown(),
});

export interface ParsedMastodonWebhook {
  event: string;
  report: RemoteReport | null;
  error?: string;
}

type Envelope = z.infer<typeof envelopeSchema>;

function readEnvelope(rawBody: Buffer | string): { envelope: Envelope } | { error: string } {
  let json: unknown;
  try {
    json = JSON.parse(typeof rawBody === 'string' ? rawBody : rawBody.toString('utf8'));
  } catch {
    return { error: 'body is not JSON' };
  }
  const envelope = envelopeSchema.safeParse(json);
  return envelope.success ? { envelope: envelope.data } : { error: formatIssues(envelope.error) };
}

/** Only report.* events carry a report; other events parse to report: null without an error. */
export function parseMastodonWebhook(rawBody: Buffer | string): ParsedMastodonWebhook {
  const read = readEnvelope(rawBody);
  if ('error' in read) return { event: '', report: null, error: read.error };
  const { event, object } = read.envelope;
  if (!event.startsWith('report.')) return { event, report: null };
  const report = adminReportSchema.safeParse(object);
  if (!report.success) return { event, report: null, error: formatIssues(report.error) };
  const mapped = mapAdminReport(report.data);
  // Contract I4: the replay check compares updatedAt with the stored one, so it is always filled: the report's own
  // updated_at, else the event time (Webhooks::DeliveryWorker stamps created_at when the event happened).
  const writable = toWritableReport({ ...mapped, updatedAt: mapped.updatedAt ?? toIsoDate(read.envelope.created_at) });
  return writable.ok ? { event, report: writable.report } : { event, report: null, error: writable.error };
}

export interface ParsedMastodonStatusEvent {
  event: string;
  /** The post of a status.created / status.updated event; null for any other event or a malformed status. */
  post: RemotePost | null;
  error?: string;
}

/**
 * status.created and status.updated (watch lists, issue 14) carry a REST::StatusSerializer Status with its account
 * in `object`. Mastodon triggers them for local posts only (Status#trigger_create_webhooks / trigger_update_webhooks
 * check local?). Call it only after verifyMastodonSignature accepted the raw body, as for report events.
 */
export function readMastodonStatusEvent(rawBody: Buffer | string): ParsedMastodonStatusEvent {
  const read = readEnvelope(rawBody);
  if ('error' in read) return { event: '', post: null, error: read.error };
  const { event, object } = read.envelope;
  if (event !== 'status.created' && event !== 'status.updated') return { event, post: null };
  const status = mastodonPostSchema.safeParse(object);
  if (!status.success) return { event, post: null, error: formatIssues(status.error) };
  if (status.data.reblog !== undefined && status.data.reblog !== null) return { event, post: null };
  const post = toWritablePost(mapPost({ ...status.data, account: null }, status.data.account, mapPublicAccount));
  return post.ok ? { event, post: post.post } : { event, post: null, error: post.error };
}

/** The post a verified status.created / status.updated body carries, or null. */
export function parseMastodonStatusEvent(rawBody: Buffer | string): RemotePost | null {
  return readMastodonStatusEvent(rawBody).post;
}
