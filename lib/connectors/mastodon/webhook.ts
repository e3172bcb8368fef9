/**
 * Mastodon webhooks: X-Hub-Signature is "sha256=" + hex HMAC-SHA256(secret, raw body). The signature must be
 * checked over the exact bytes received, before any parsing; the body is then parsed like any remote data.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { RemoteReport } from '../types';
import { adminReportSchema } from './api-types';
import { mapAdminReport } from './mapper';
import { formatIssues } from './parse-remote';
import { toIsoDate } from '../shared/remote-schemas';
import { toWritableReport } from '../shared/writable-report';

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

/** Only report.* events carry a report; other events parse to report: null without an error. */
export function parseMastodonWebhook(rawBody: Buffer | string): ParsedMastodonWebhook {
  let json: unknown;
  try {
    json = JSON.parse(typeof rawBody === 'string' ? rawBody : rawBody.toString('utf8'));
  } catch {
    return { event: '', report: null, error: 'body is not JSON' };
  }
  const envelope = envelopeSchema.safeParse(json);
  if (!envelope.success) return { event: '', report: null, error: formatIssues(envelope.error) };
  const { event, object } = envelope.data;
  if (!event.startsWith('report.')) return { event, report: null };
  const report = adminReportSchema.safeParse(object);
  if (!report.success) return { event, report: null, error: formatIssues(report.error) };
  const mapped = mapAdminReport(report.data);
  // Contract I4: the replay check compares updatedAt with the stored one, so it is always filled: the report's own
  // updated_at, else the event time (Webhooks::DeliveryWorker stamps created_at when the event happened).
  const writable = toWritableReport({ ...mapped, updatedAt: mapped.updatedAt ?? toIsoDate(envelope.data.created_at) });
  return writable.ok ? { event, report: writable.report } : { event, report: null, error: writable.error };
}
