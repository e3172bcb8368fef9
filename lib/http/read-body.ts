/**
 * The one way a route handler reads a request body: chunk by chunk from `request.body`, refusing with 413 as soon
 * as the cap is passed (or before reading anything when Content-Length already says so). `req.json()`,
 * `req.text()`, `req.arrayBuffer()` and `req.formData()` buffer whatever the client sends before anyone can look
 * at its size: a 200 MB webhook body grew the web process by 500 MB. Never call those on a request.
 */
import { AppError } from '@/lib/errors';

/** JSON bodies of the dashboard's own forms are a few KB; 1 MB leaves room and keeps abuse cheap. */
export const JSON_BODY_MAX_BYTES = 1024 * 1024;

function tooLarge(maxBytes: number, userMessage?: string): AppError {
  return new AppError('too_large', `request body exceeds ${maxBytes} bytes`, {
    userMessage: userMessage ?? 'The request is too large.',
    details: { maxBytes },
  });
}

export interface ReadBodyOptions {
  /** Shown to the user on a 413 instead of the generic message. */
  tooLargeMessage?: string;
}

export async function readBody(req: Request, maxBytes: number, opts: ReadBodyOptions = {}): Promise<Uint8Array<ArrayBuffer>> {
  const declared = req.headers.get('content-length');
  if (declared !== null && Number(declared) > maxBytes) {
    // Nothing is read; cancelling tells the platform we are done with the stream.
    await req.body?.cancel().catch(() => undefined);
    throw tooLarge(maxBytes, opts.tooLargeMessage);
  }
  if (!req.body) return new Uint8Array(new ArrayBuffer(0));
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge(maxBytes, opts.tooLargeMessage);
      }
      chunks.push(value);
    }
  } finally {
    reader.releaseLock();
  }
  const out = new Uint8Array(new ArrayBuffer(total));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/**
 * A JSON body, capped while it streams; invalid UTF-8 or JSON is a 400. So is a NUL character in any string or key:
 * Postgres text and jsonb cannot store one, so it would otherwise surface as a 500 wherever the text is saved.
 */
export async function readJson(req: Request, maxBytes = JSON_BODY_MAX_BYTES): Promise<unknown> {
  const bytes = await readBody(req, maxBytes);
  let nul = false;
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes), (key, v: unknown) => {
      if (key.includes('\u0000') || (typeof v === 'string' && v.includes('\u0000'))) nul = true;
      return v;
    });
  } catch {
    throw new AppError('bad_request', 'invalid json body');
  }
  if (nul) throw new AppError('bad_request', 'NUL character in json body', { userMessage: 'Text cannot contain NUL characters (\\0). Remove them and try again.' });
  return value;
}
