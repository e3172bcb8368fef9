/**
 * Reads a response body into memory without ever holding more than `maxBytes` of it.
 * The cap applies to the decoded bytes (a gzip bomb is a few KB on the wire) and to the wire bytes.
 */
import type { IncomingMessage } from 'node:http';
import type { Readable, Transform } from 'node:stream';
import zlib from 'node:zlib';
import { AppError } from '@/lib/errors';

function tooLarge(maxBytes: number): AppError {
  return new AppError('too_large', `safeFetch: body exceeds ${maxBytes} bytes`, { details: { maxBytes } });
}

/** Throws before reading anything when the server announces more than we accept. */
export function checkDeclaredLength(res: IncomingMessage, maxBytes: number): void {
  const declared = Number(res.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
}

// We ask for identity encoding; a server that compresses anyway is still decoded so callers get real bytes.
function decoderFor(encoding: string | undefined): Transform | null {
  switch (normalizeEncoding(encoding)) {
    case '':
    case 'identity':
      return null;
    case 'gzip':
    case 'x-gzip':
      return zlib.createGunzip();
    case 'deflate':
      return zlib.createInflate();
    case 'br':
      return zlib.createBrotliDecompress();
    default:
      throw new AppError('remote_error', `safeFetch: unsupported content-encoding ${encoding}`);
  }
}

function normalizeEncoding(encoding: string | undefined): string {
  return (encoding ?? '').trim().toLowerCase();
}

/** True when the body we return differs from the wire bytes, so Content-Encoding/Length must not be passed on. */
export function isEncoded(res: IncomingMessage): boolean {
  const e = normalizeEncoding(res.headers['content-encoding']);
  return e !== '' && e !== 'identity';
}

export async function readCappedBody(res: IncomingMessage, maxBytes: number): Promise<Buffer<ArrayBuffer>> {
  checkDeclaredLength(res, maxBytes);
  const decoder = decoderFor(res.headers['content-encoding']);
  const source: Readable = decoder ? res.pipe(decoder) : res;
  const chunks: Buffer[] = [];
  let wireBytes = 0;
  let total = 0;
  if (decoder) {
    res.on('data', (c: Buffer) => {
      wireBytes += c.length;
      if (wireBytes > maxBytes) decoder.destroy(tooLarge(maxBytes));
    });
    // pipe() does not forward errors (e.g. the connection dying mid-body) to the decoder.
    res.once('error', (e) => decoder.destroy(e));
  }
  try {
    for await (const chunk of source) {
      const buf = chunk as Buffer;
      total += buf.length;
      // Stop at the first chunk past the cap: the rest is never read, the socket is torn down by the caller.
      if (total > maxBytes) throw tooLarge(maxBytes);
      chunks.push(buf);
    }
  } catch (e) {
    if (decoder && !(e instanceof AppError) && !res.errored) {
      throw new AppError('remote_error', 'safeFetch: could not decode the response body', { cause: e });
    }
    throw e;
  } finally {
    res.destroy();
    decoder?.destroy();
  }
  return Buffer.concat(chunks, total);
}
