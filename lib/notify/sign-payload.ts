/**
 * The JSON hook's signature: `X-Fedimod-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`.
 * The timestamp is inside the MAC so a captured request cannot be replayed later with a fresh `t`; a receiver
 * rejects a `t` more than five minutes from its own clock. (Stripe's scheme, which chat bridges already know.)
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_TOLERANCE_SECONDS = 300;

export function signatureHeader(secret: string, rawBody: string, unixSeconds: number): string {
  return `t=${unixSeconds},v1=${mac(secret, unixSeconds, rawBody)}`;
}

/** What a receiver does: true only for a fresh timestamp and a matching MAC (compared in constant time). */
export function verifySignature(header: string | undefined, rawBody: string, secret: string, nowSeconds: number): boolean {
  if (!header) return false;
  const parts = new Map(header.split(',').map((p) => p.trim().split('=', 2) as [string, string]));
  const t = Number(parts.get('t'));
  const v1 = parts.get('v1') ?? '';
  if (!Number.isInteger(t) || Math.abs(nowSeconds - t) > SIGNATURE_TOLERANCE_SECONDS || !/^[0-9a-f]{64}$/.test(v1)) return false;
  return timingSafeEqual(Buffer.from(v1, 'hex'), Buffer.from(mac(secret, t, rawBody), 'hex'));
}

function mac(secret: string, t: number, rawBody: string): string {
  return createHmac('sha256', secret).update(`${t}.${rawBody}`).digest('hex');
}
