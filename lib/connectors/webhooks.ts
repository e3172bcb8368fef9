/**
 * Incoming webhooks per server kind: each kind has its own proof of origin (Mastodon: HMAC of the raw body in
 * X-Hub-Signature; Misskey: a shared secret in X-Misskey-Hook-Secret). The proof is checked before parsing.
 */
import { parseMastodonWebhook, verifyMastodonSignature } from './mastodon/webhook';
import { parseMisskeyWebhook, verifyMisskeyWebhook } from './misskey/webhook';
import type { RemoteReport } from './types';

export type WebhookOutcome =
  | { verified: false }
  | { verified: true; event: string; report: RemoteReport | null; error?: string };

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
    let body: unknown;
    try {
      body = JSON.parse(input.rawBody.toString('utf8'));
    } catch {
      return { verified: true, event: 'unknown', report: null, error: 'body is not JSON' };
    }
    const event = typeof (body as { type?: unknown })?.type === 'string' ? String((body as { type: string }).type).slice(0, 100) : 'unknown';
    const report = parseMisskeyWebhook(body, input.baseUrl);
    return { verified: true, event, report, error: report ? undefined : 'no report in the payload' };
  }
  return { verified: false };
}
