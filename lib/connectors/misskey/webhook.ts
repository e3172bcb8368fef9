/**
 * Misskey system webhooks: the secret is sent in plaintext in X-Misskey-Hook-Secret (no HMAC), so the check is
 * a constant-time comparison. Both sides are hashed first so the comparison does not leak the secret's length.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { idSchema } from './api-types';
import { formatIssues } from './parse-remote';

type HeaderBag = Headers | Record<string, string | string[] | undefined>;

export function verifyMisskeyWebhook(headers: HeaderBag, secret: string): boolean {
  if (!secret) return false;
  const given = readHeader(headers, 'x-misskey-hook-secret');
  if (!given) return false;
  const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(secret));
}

function readHeader(headers: HeaderBag, name: string): string | null {
  if (headers instanceof Headers) return headers.get(name);
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  const value = key ? headers[key] : undefined;
  return Array.isArray(value) ? value[0] ?? null : value ?? null;
}

/** SystemWebhookDeliverProcessorService's envelope: createdAt is the delivery time in ms, not the report's. */
const envelopeSchema = z.object({
  type: z.string().max(100),
  server: z.string().nullish(),
  createdAt: z.union([z.string(), z.number()]).nullish(),
  body: z.unknown(),
});

const bodyIdSchema = z.object({ id: idSchema });

const REPORT_EVENTS = new Set(['abuseReport', 'abuseReportResolved']);

export interface ParsedMisskeyWebhook {
  event: string;
  /** The id of the report to re-read with getReport (contract I3), or null when the event carries none. */
  refetch: string | null;
  error?: string;
}

/**
 * Parses a delivery (raw bytes, string or parsed JSON). Since 2024.10 both report events carry a reduced report
 * (AbuseReportNotificationService.notifySystemWebhook): the report row without createdAt, the users in the short
 * "UserLite" form (no isSuspended, isSilenced, createdAt or url), no linked notes; the envelope's createdAt is the
 * delivery time. Applied as a full report it would unlink the reported notes, move the report's creation time
 * and clear a suspension, so only the id is taken and the report is re-read (getReport) by the caller.
 */
export function parseMisskeyWebhook(body: unknown): ParsedMisskeyWebhook {
  let json = body;
  if (typeof body === 'string' || Buffer.isBuffer(body)) {
    try {
      json = JSON.parse(body.toString());
    } catch {
      return { event: 'unknown', refetch: null, error: 'body is not JSON' };
    }
  }
  const envelope = envelopeSchema.safeParse(json);
  if (!envelope.success) return { event: 'unknown', refetch: null, error: formatIssues(envelope.error) };
  const event = envelope.data.type;
  if (!REPORT_EVENTS.has(event)) return { event, refetch: null };
  const payload = bodyIdSchema.safeParse(envelope.data.body);
  if (!payload.success) return { event, refetch: null, error: `no report id in the payload: ${formatIssues(payload.error)}` };
  return { event, refetch: payload.data.id };
}
