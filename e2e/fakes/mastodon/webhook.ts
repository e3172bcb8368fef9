/**
 * Webhook emitter, as Mastodon's Webhooks::DeliveryWorker sends it: JSON {event, created_at, object} with
 * X-Hub-Signature: sha256=<hex HMAC-SHA256(secret, the exact body bytes sent)>.
 */
import { createHmac } from 'node:crypto';
import { HttpError } from './http';
import { serializeReport } from './serialize-report';
import { serializeStatus } from './serialize-status';
import type { FakeState } from './state';

export type WebhookEvent = 'report.created' | 'report.updated' | 'status.created' | 'status.updated';

export interface SendWebhookInput {
  targetUrl: string;
  secret: string;
  event: WebhookEvent;
  /** The report of a report.* event. */
  reportId?: string;
  /** The post of a status.* event (watch lists, issue 14): a Status with its account, as REST::StatusSerializer. */
  statusId?: string;
}

export interface SendWebhookResult {
  ok: boolean;
  status: number | null;
  responseBody: string;
  error: string | null;
  /** The exact bytes that were signed and sent. */
  payload: string;
  signature: string;
}

export function signWebhook(secret: string, body: string | Buffer): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

export async function sendWebhook(state: FakeState, input: SendWebhookInput): Promise<SendWebhookResult> {
  const object = webhookObject(state, input);
  const payload = JSON.stringify({ event: input.event, created_at: new Date().toISOString(), object });
  const signature = signWebhook(input.secret, payload);
  const record = {
    targetUrl: input.targetUrl, event: input.event, reportId: input.reportId ?? '', ...(input.statusId ? { statusId: input.statusId } : {}),
    time: new Date().toISOString(),
  };
  try {
    const res = await fetch(input.targetUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Hub-Signature': signature, 'User-Agent': 'Mastodon/4.4.0 (fake)' },
      body: payload,
      signal: AbortSignal.timeout(10_000),
    });
    const responseBody = await res.text();
    state.webhooks.push({ ...record, status: res.status, error: null });
    return { ok: res.ok, status: res.status, responseBody, error: null, payload, signature };
  } catch (e) {
    const error = e instanceof Error ? e.message : String(e);
    state.webhooks.push({ ...record, status: null, error });
    return { ok: false, status: null, responseBody: '', error, payload, signature };
  }
}

function webhookObject(state: FakeState, input: SendWebhookInput): unknown {
  if (input.event.startsWith('status.')) {
    const status = input.statusId ? state.statuses.get(input.statusId) : undefined;
    if (!status) throw new HttpError(404, 'Record not found');
    return serializeStatus(state, status);
  }
  const report = input.reportId ? state.reports.get(input.reportId) : undefined;
  if (!report) throw new HttpError(404, 'Record not found');
  return serializeReport(state, report);
}
