/**
 * Media jobs for the rows a sync just created, in bulk (the outbox's own batch wake-up, lib/jobs/enqueue.ts): one
 * `send` per row costs a round trip each, which on a first sync (thousands of files) took longer than writing the
 * reports. If a bulk insert fails, each row is sent on its own, and the outbox sweeper picks up anything still
 * pending.
 */
import { enqueueMediaFetch, enqueueOutboxBatch } from '@/lib/jobs/enqueue';
import { Q } from '@/lib/jobs/queues';
import { logger } from '@/lib/log/logger';
import { describeError } from './describe-error';

const log = logger('sync');
const CHUNK = 1000;

export async function enqueueNewMedia(ids: string[]): Promise<void> {
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    try {
      await enqueueOutboxBatch(Q.mediaFetch, chunk);
    } catch (e) {
      log.warn('bulk media enqueue failed, sending one by one', { count: chunk.length, error: describeError(e) });
      for (const id of chunk) await enqueueMediaFetch(id).catch((err) => log.error('media enqueue failed', { id, error: describeError(err) }));
    }
  }
}
