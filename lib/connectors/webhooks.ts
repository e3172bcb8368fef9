/**
 * Incoming webhooks per server kind: each kind has its own proof of origin (Mastodon: HMAC of the raw body in
 * X-Hub-Signature; Misskey: a shared secret in X-Misskey-Hook-Secret). The proof is checked before parsing.
 */
import { parseMastodonWebhook, verifyMastodonSignature } from './mastodon/webhook';
import { parseMisskeyWebhook, verifyMisskeyWebhook } from './misskey/webhook';
import type { RemoteReport } from './types';

/**
 * `refetch` (contract I3): the webhook names a report but carries only a reduced copy of it (Misskey), so the
 * caller re-reads that one report with connector.getReport(refetch) instead of applying the body.
 */
export type WebhookOutcome =
  | { verified: false }
  | { verified: true; event: string; report: RemoteReport | null; error?: string; refetch?: string };

export function acceptsWebhooks(kind: string): boolean {
  return kind === 'mastodon' || kind === 'misskey';
}

export function readSignedWebhook(kind: string, input: { rawBody: Buffer; headers: Headers; secret: string; baseUrl: string }): WebhookOutcome {
  if (kind === 'mastodon') {
    if (!verifyMastodonSignature(input.rawBody, input.headers.get('x-hub-signature'), input.secret)) return { verified: false };
    const parsed = parseMastodonWebhook(input.rawBody);
    return { verified: true, event: parsed.event, report: parsed.report, error: parsed.error };
  }
  if (kind === 'misskey') {
    if (!verifyMisskeyWebhook(input.headers, input.secret)) return { verified: false };
    const parsed = parseMisskeyWebhook(input.rawBody);
    return { verified: true, event: parsed.event.slice(0, 100), report: null, error: parsed.error, ...(parsed.refetch ? { refetch: parsed.refetch } : {}) };
  }
  return { verified: false };
}
