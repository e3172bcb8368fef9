/**
 * Thin transport helpers for route handlers: one place maps errors to responses, so raw errors
 * (which may carry remote text or internals) never reach the browser.
 */
import { NextResponse } from 'next/server';
import { z } from 'zod';
import { AppError, isAppError } from '@/lib/errors';
import { logger } from '@/lib/log/logger';
import { JSON_BODY_MAX_BYTES, readJson } from './read-body';

const log = logger('http');

export function errorResponse(e: unknown): NextResponse {
  if (isAppError(e)) {
    if (e.status >= 500) log.error(e.message, { code: e.code });
    return NextResponse.json({ error: { code: e.code, message: e.userMessage, ...(e.publicData ?? {}) } }, { status: e.status, headers: { 'Cache-Control': 'no-store' } });
  }
  if (e instanceof z.ZodError) {
    return NextResponse.json({ error: { code: 'bad_request', message: 'The request was not valid.', issues: e.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) } }, { status: 400 });
  }
  log.error('unhandled error', { error: e instanceof Error ? e.message : String(e) });
  return NextResponse.json({ error: { code: 'internal', message: 'Something went wrong.' } }, { status: 500 });
}

export async function handle(fn: () => Promise<Response>): Promise<Response> {
  try {
    return await fn();
  } catch (e) {
    return errorResponse(e);
  }
}

export function json(data: unknown, init?: ResponseInit): NextResponse {
  return NextResponse.json(data, { ...init, headers: { 'Cache-Control': 'no-store', ...(init?.headers ?? {}) } });
}

/** Reads a JSON body through the streaming cap (read-body.ts) and parses it with `schema`. */
export async function parseJson<T extends z.ZodType>(req: Request, schema: T, maxBytes = JSON_BODY_MAX_BYTES): Promise<z.infer<T>> {
  return schema.parse(await readJson(req, maxBytes));
}

/** Serialize BigInt and Date for JSON responses. */
export function toJsonSafe<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? v.toString() : v))) as T;
}
