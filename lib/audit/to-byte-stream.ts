/**
 * Adapts an export's string chunks to a byte stream for a Response. Pull-based, so the next page is read from
 * the database only when the client has taken the previous one (a slow download does not buffer the log).
 */
import { logger } from '@/lib/log/logger';

const log = logger('audit-export');

export function toByteStream(chunks: AsyncIterable<string>): ReadableStream<Uint8Array> {
  const it = chunks[Symbol.asyncIterator]();
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { value, done } = await it.next();
        if (done) controller.close();
        else controller.enqueue(encoder.encode(value));
      } catch (e) {
        // Erroring the stream aborts the download, so a partial file is not mistaken for a complete one.
        log.error('export stream failed', { error: e instanceof Error ? e.message : String(e) });
        controller.error(e);
      }
    },
    async cancel() {
      await it.return?.();
    },
  });
}
