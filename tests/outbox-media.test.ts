/**
 * A slow media file (issue 8, point 2: one occupied the media workers with 25 fetches in 14 minutes). Real time,
 * short settings: the sweeper runs every 100 ms and every queued job starts at once, overlapping, as busy workers
 * would. The file must be fetched once per attempt (never twice at the same time, though each fetch outlasts the
 * lease several times over: the heartbeat holds it) and at most the capped number of attempts in total.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { getBoss } from '@/lib/jobs/boss';
import { dispatchOutbox } from '@/lib/jobs/dispatch-outbox';
import { Q } from '@/lib/jobs/queues';
import { ingestMedia } from '@/lib/media/ingest-media';
import { proxiedFake } from './outbox-support';
import type { FakeMastodon } from '@/e2e/fakes/mastodon/server';
import type { FaultProxy } from '@/e2e/fakes/fault-proxy';

const SETTINGS = { leaseMs: 300, backoffBaseMs: 100, backoffCapMs: 200, mediaMaxAttempts: 3 };
const SLOW = /^\/system\/slow\.png$/;
let fake: FakeMastodon;
let proxy: FaultProxy;
let instanceId: string;

beforeAll(async () => {
  ({ fake, proxy, instanceId } = await proxiedFake(2, 504, [{ method: 'GET', path: SLOW, delayMs: 1_200, status: 503, forward: false }]));
});
afterAll(async () => {
  await proxy?.close();
  await fake?.close();
});

describe('a slow media file', () => {
  it('is fetched once per attempt, never in parallel, and at most the capped number of times', async () => {
    const media = await db.media.create({ data: { instanceId, remoteId: 'slow-1', type: 'image', url: `${proxy.url}/system/slow.png` } });
    const boss = await getBoss();
    const running: Promise<unknown>[] = [];
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
      await dispatchOutbox(new Date(), 0);
      for (const job of await boss.fetch<{ mediaId: string }>(Q.mediaFetch, { batchSize: 20, ignoreStartAfter: true })) {
        running.push(ingestMedia(job.data.mediaId, { settings: SETTINGS }).finally(() => boss.complete(Q.mediaFetch, job.id)));
      }
      if ((await db.media.findUniqueOrThrow({ where: { id: media.id } })).state === 'failed') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    await Promise.all(running);
    const fetches = proxy.log.filter((r) => SLOW.test(r.path)).length;
    expect(proxy.maxInFlight(SLOW)).toBe(1);
    expect(fetches).toBe(SETTINGS.mediaMaxAttempts);
    const row = await db.media.findUniqueOrThrow({ where: { id: media.id } });
    expect(row.state).toBe('failed');
    expect(row.attempts).toBe(SETTINGS.mediaMaxAttempts);
    expect(row.error).toMatch(/^Gave up after 3 attempts/);
    // Settled for good: the sweeper wakes nothing more for it.
    expect((await dispatchOutbox(new Date(), 0)).media).toBe(0);
  });
});
