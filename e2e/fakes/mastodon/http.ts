/** Request parsing and response helpers for the fake (node:http, no framework). */
import type { IncomingMessage, ServerResponse } from 'node:http';

export class HttpError extends Error {
  constructor(readonly status: number, readonly error: string, readonly extra: Record<string, unknown> = {}) {
    super(error);
  }
}

export interface Reply {
  status?: number;
  json?: unknown;
  body?: Buffer;
  contentType?: string;
  headers?: Record<string, string>;
}

export type Params = Record<string, unknown>;

const MAX_BODY = 1024 * 1024;

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new HttpError(413, 'Request too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Rails accepts both JSON and form bodies on every API endpoint; so does the fake. */
export function parseBody(raw: Buffer, contentType: string | undefined): Params {
  if (raw.length === 0) return {};
  if ((contentType ?? '').includes('application/json')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw.toString('utf8'));
    } catch {
      throw new HttpError(400, 'Error occurred while parsing request parameters');
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
    return parsed as Params;
  }
  return parseParams(new URLSearchParams(raw.toString('utf8')));
}

/** Rack's rules: `key[]` collects into an array, a repeated plain key keeps the last value. */
export function parseParams(search: URLSearchParams): Params {
  const out: Params = {};
  for (const [key, value] of search) {
    if (key.endsWith('[]')) {
      const name = key.slice(0, -2);
      const list = Array.isArray(out[name]) ? (out[name] as unknown[]) : [];
      list.push(value);
      out[name] = list;
    } else {
      out[key] = value;
    }
  }
  return out;
}

/** ActiveModel::Type::Boolean: these strings are false, any other present value is true. */
export function truthy(v: unknown): boolean {
  if (v === undefined || v === null || v === '') return false;
  if (typeof v === 'boolean') return v;
  return !['0', 'f', 'false', 'off', 'F', 'FALSE', 'OFF'].includes(String(v));
}

export function str(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  return undefined;
}

export function send(res: ServerResponse, reply: Reply): void {
  const status = reply.status ?? 200;
  for (const [k, v] of Object.entries(reply.headers ?? {})) res.setHeader(k, v);
  if (reply.body) {
    res.writeHead(status, { 'Content-Type': reply.contentType ?? 'application/octet-stream', 'Content-Length': reply.body.length });
    res.end(reply.body);
    return;
  }
  const body = Buffer.from(JSON.stringify(reply.json ?? {}));
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': body.length });
  res.end(body);
}
