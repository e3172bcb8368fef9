/** Request parsing, Misskey's nested error shape, and reply helpers for the fake (node:http, no framework). */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Misskey's ApiError: `{"error":{message, code, id, kind, info?}}` with the status the server uses for it. */
export class MisskeyApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly id: string,
    readonly kind: 'client' | 'server' | 'permission' = 'client',
    readonly info?: Record<string, unknown>,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  toJson() {
    return { error: { message: this.message, code: this.code, id: this.id, kind: this.kind, ...(this.info ? { info: this.info } : {}) } };
  }
}

// Codes and statuses as Misskey's ApiCallService and endpoint metas define them; ids are Misskey's where known, else placeholders.
export const errors = {
  credentialRequired: () =>
    new MisskeyApiError(401, 'CREDENTIAL_REQUIRED', 'Credential required.', '1384574d-a912-4b81-8601-c7b1c4085df1', 'permission'),
  authenticationFailed: () =>
    new MisskeyApiError(403, 'AUTHENTICATION_FAILED', 'Authentication failed. Please ensure your token is correct.', 'b0a7f5f8-dc2f-4171-b91f-de88ad238e14', 'permission'),
  permissionDenied: () =>
    new MisskeyApiError(403, 'PERMISSION_DENIED', 'Your app does not have the necessary permissions to use this endpoint.', '1370e5b7-d4eb-4566-bb1d-7748ee6a1838', 'permission'),
  notModerator: () =>
    new MisskeyApiError(403, 'ROLE_PERMISSION_DENIED', 'You are not assigned to a moderator role.', 'd33d5333-db36-423d-a8f9-1a2b9549da41', 'permission'),
  notAdmin: () =>
    new MisskeyApiError(403, 'ROLE_PERMISSION_DENIED', 'You are not assigned to an administrator role.', 'c3d38592-54c0-429d-be96-5636b0431a61', 'permission'),
  /** ApiCallService's accessDenied for a `secure` endpoint called with an access token (an ApiError: HTTP 400). */
  secureOnly: () => new MisskeyApiError(400, 'ACCESS_DENIED', 'Access denied.', '56f35758-7dd5-468b-8439-5d6fb8ec9b8e'),
  noSuchEndpoint: () => new MisskeyApiError(404, 'NO_SUCH_ENDPOINT', 'No such endpoint.', '7a5b4b3a-8a2e-4b5e-9c39-4b8f0f0e0c00'),
  rateLimited: (resetMs: number) =>
    new MisskeyApiError(429, 'RATE_LIMIT_EXCEEDED', 'Rate limit exceeded. Please try again later.', 'd5826d14-3982-4d2e-8011-b9e9f02499ef', 'client',
      { resetMs }, { 'Retry-After': String(Math.max(1, Math.ceil(resetMs / 1000))) }),
  invalidParam: (detail: string) =>
    new MisskeyApiError(400, 'INVALID_PARAM', 'Invalid param.', '3d81ceae-475f-4600-b2a8-2bc116157532', 'client', { param: detail }),
  noSuch: (what: 'NOTE' | 'USER' | 'FILE', id: string) =>
    new MisskeyApiError(400, `NO_SUCH_${what}`, `No such ${what.toLowerCase()}.`, id),
  /** The admin/*-abuse-user-report endpoints declare it with kind 'server' and HTTP 404; each endpoint has its own id. */
  noSuchAbuseReport: (id: string) => new MisskeyApiError(404, 'NO_SUCH_ABUSE_REPORT', 'No such abuse report.', id, 'server'),
  /** An endpoint's own ACCESS_DENIED (e.g. drive/files/delete on another user's file without a moderator role). */
  accessDenied: (id: string) => new MisskeyApiError(400, 'ACCESS_DENIED', 'Access denied.', id),
  /**
   * What ApiCallService answers when an endpoint throws something other than an ApiError (a failed findOneByOrFail,
   * a database error): 500 INTERNAL_ERROR with the cause in info.e.
   */
  internal: (cause: { message: string; code: string }) =>
    new MisskeyApiError(500, 'INTERNAL_ERROR', 'Internal error occurred. Please contact us if the error persists.', '5d37dbcb-891e-41ca-a3d6-e690c97775ac', 'server',
      { e: { ...cause, id: randomUUID() } }),
};

const MAX_BODY = 1024 * 1024;

export async function readJsonBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw errors.invalidParam('body too large');
    chunks.push(chunk as Buffer);
  }
  const raw = Buffer.concat(chunks).toString('utf8');
  if (raw.trim() === '') return {};
  try {
    const parsed: unknown = JSON.parse(raw);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch {
    throw errors.invalidParam('body is not JSON');
  }
}

export interface Reply {
  status?: number;
  json?: unknown;
  body?: Buffer;
  contentType?: string;
  headers?: Record<string, string>;
}

export function send(res: ServerResponse, reply: Reply): void {
  const status = reply.status ?? 200;
  for (const [k, v] of Object.entries(reply.headers ?? {})) res.setHeader(k, v);
  if (status === 204) {
    res.writeHead(204);
    res.end();
    return;
  }
  const body = reply.body ?? Buffer.from(JSON.stringify(reply.json ?? null));
  res.writeHead(status, { 'Content-Type': reply.contentType ?? 'application/json; charset=utf-8', 'Content-Length': body.length });
  res.end(body);
}

export function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.length > 0 ? v : undefined;
}
