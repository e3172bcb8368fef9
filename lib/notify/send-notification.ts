/**
 * Sends one notification to one hook through the shared remote client (no redirects, timeout, body cap, the secret
 * redacted from every error) over the SSRF-safe fetch. One attempt only: the delivery row owns the retries and
 * their backoff. Throws an AppError; `details.status` is set when the receiver answered.
 */
import { RemoteHttp } from '@/lib/connectors/shared/remote-http';
import type { FetchLike } from '@/lib/connectors/types';
import { AppError, isAppError } from '@/lib/errors';
import { exemptOriginFor } from '@/lib/net/fetch-policy';
import { createSafeFetch } from '@/lib/net/safe-fetch';
import { matrixNotice } from './matrix-message';
import { signatureHeader } from './sign-payload';
import type { NotifyPayload } from './types';

export interface OpenHook {
  kind: string;
  url: string;
  room: string | null;
  allowPrivate: boolean;
  /** Opened: the JSON signing key or the Matrix access token. */
  secret: string;
}

/** What goes out: the payload, marked when it is a test from the hooks page. */
export type SentPayload = NotifyPayload & { test?: true };

export interface SendOptions {
  fetch?: FetchLike;
  timeoutMs?: number;
  now?: () => number;
}

export async function sendNotification(hook: OpenHook, payload: SentPayload, deliveryId: string, opts: SendOptions = {}): Promise<{ status: number }> {
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const fetch = opts.fetch ?? createSafeFetch({
    exemptOrigin: exemptOriginFor({ baseUrl: hook.url, allowPrivate: hook.allowPrivate }), maxBytes: 64 * 1024, timeoutMs, maxRedirects: 0,
  });
  const service = hook.kind === 'matrix' ? 'Matrix' : 'Webhook';
  const http = new RemoteHttp({
    service, fetch, secrets: () => [hook.secret], maxAttempts: 1, timeoutMs, now: opts.now,
    // Only the status: the receiver's body is its own text and may echo what we sent.
    toError: (answer, label, retryAt) => new AppError('remote_error', `${service} ${label}: HTTP ${answer.status}`, {
      userMessage: `The receiver answered HTTP ${answer.status}.`, details: { status: answer.status, retryAt },
    }),
  });
  try {
    const answer = await http.send(hook.kind === 'matrix' ? matrixCall(hook, payload, deliveryId) : jsonCall(hook, payload, deliveryId, opts.now ?? Date.now));
    return { status: answer.status };
  } catch (e) {
    throw isAppError(e) ? e : new AppError('internal', 'notify send failed', { userMessage: 'The notification could not be sent.' });
  }
}

function jsonCall(hook: OpenHook, payload: SentPayload, deliveryId: string, now: () => number) {
  const body = JSON.stringify(payload);
  return {
    method: 'POST' as const, url: hook.url, label: 'POST hook', body,
    headers: {
      'Content-Type': 'application/json', 'X-Fedimod-Event': payload.event, 'X-Fedimod-Delivery': deliveryId,
      'X-Fedimod-Signature': signatureHeader(hook.secret, body, Math.floor(now() / 1000)),
    },
  };
}

function matrixCall(hook: OpenHook, payload: SentPayload, deliveryId: string) {
  const base = hook.url.replace(/\/+$/, '');
  // The delivery id is the txnId: Matrix deduplicates sends by (access token, txnId), so a resend after a crash
  // between the homeserver's answer and our "done" write is the SAME event in the room, not a second message.
  const path = `/_matrix/client/v3/rooms/${encodeURIComponent(hook.room ?? '')}/send/m.room.message/${encodeURIComponent(deliveryId)}`;
  return {
    method: 'PUT' as const, url: base + path, label: 'PUT room message', body: JSON.stringify(matrixNotice(payload)),
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${hook.secret}` },
  };
}

/** 4xx other than 408/429 will not get better by waiting; nor will a refused address or an unopenable secret. */
export function isRetryable(e: unknown): boolean {
  if (!isAppError(e)) return false;
  const status = e.details?.status;
  if (typeof status === 'number') return status >= 500 || status === 408 || status === 429;
  return e.code === 'remote_unreachable' || e.code === 'rate_limited';
}
