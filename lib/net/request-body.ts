/**
 * Turns a fetch-style body into bytes plus the Content-Type fetch would have implied, so a body can be
 * replayed on 307/308 redirects and sent with an exact Content-Length.
 */
export interface EncodedBody {
  bytes: Buffer;
  contentType: string | null;
}

export async function encodeBody(body: BodyInit | Uint8Array | null | undefined): Promise<EncodedBody | null> {
  if (body === null || body === undefined) return null;
  if (typeof body === 'string') return { bytes: Buffer.from(body, 'utf8'), contentType: 'text/plain;charset=UTF-8' };
  if (body instanceof URLSearchParams) {
    return { bytes: Buffer.from(body.toString(), 'utf8'), contentType: 'application/x-www-form-urlencoded;charset=UTF-8' };
  }
  if (ArrayBuffer.isView(body)) {
    return { bytes: Buffer.from(body.buffer, body.byteOffset, body.byteLength), contentType: null };
  }
  if (body instanceof ArrayBuffer) return { bytes: Buffer.from(body), contentType: null };
  // Blob, FormData, ReadableStream: let the platform serialize them (this also yields multipart boundaries).
  const carrier = new Response(body);
  return { bytes: Buffer.from(await carrier.arrayBuffer()), contentType: carrier.headers.get('content-type') };
}
