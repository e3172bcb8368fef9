/**
 * Misskey system webhooks: the secret is sent in plaintext in X-Misskey-Hook-Secret (no HMAC), so the check is
 * a constant-time comparison. Both sides are hashed first so the comparison does not leak the secret's length.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { RemoteReport } from '../types';
import { reportSchema, userSchema } from './api-types';
import { mapReport } from './mapper';

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

const envelopeSchema = z.object({
  type: z.string().max(100),
  server: z.string().nullish(),
  createdAt: z.union([z.string(), z.number()]).nullish(),
  body: z.unknown(),
});

// The abuseReport payload is the raw report row plus packed users, so `createdAt` may be missing: the envelope's is used.
const payloadSchema = reportSchema.extend({ createdAt: z.string().nullish(), resolved: z.boolean().nullish(), targetUser: userSchema });

const REPORT_EVENTS = new Set(['abuseReport', 'abuseReportResolved']);

/**
 * Parses a delivery (raw bytes, string or parsed JSON). Returns the report for abuseReport/abuseReportResolved,
 * null for other events and for anything malformed (the caller then syncs the report list instead).
 * `baseUrl` is the instance's URL, used for local profile links; the body's `server` is not trusted for that.
 */
export function parseMisskeyWebhook(body: unknown, baseUrl = ''): RemoteReport | null {
  let json = body;
  if (typeof body === 'string' || Buffer.isBuffer(body)) {
    try {
      json = JSON.parse(body.toString());
    } catch {
      return null;
    }
  }
  const envelope = envelopeSchema.safeParse(json);
  if (!envelope.success || !REPORT_EVENTS.has(envelope.data.type)) return null;
  const payload = payloadSchema.safeParse(envelope.data.body);
  if (!payload.success) return null;
  const envelopeTime = envelope.data.createdAt ? new Date(envelope.data.createdAt) : null;
  const createdAt = payload.data.createdAt ?? (envelopeTime && !Number.isNaN(envelopeTime.getTime()) ? envelopeTime.toISOString() : new Date(0).toISOString());
  const resolved = payload.data.resolved ?? envelope.data.type === 'abuseReportResolved';
  return mapReport({ ...payload.data, createdAt, resolved }, baseUrl.replace(/\/+$/, ''));
}
