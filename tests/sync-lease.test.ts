import { afterEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { getBoss } from '@/lib/jobs/boss';
import { enqueueInstanceSync } from '@/lib/jobs/enqueue';
import { Q } from '@/lib/jobs/queues';
import { syncInstance } from '@/lib/sync/sync-instance';
import type { FakeMastodon } from '@/e2e/fakes/mastodon/server';
import { connectedFake } from './support/fixtures';

const fakes: FakeMastodon[] = [];
afterEach(async () => {
  while (fakes.length) await fakes.pop()!.close();
});

describe('one sync per instance at a time', () => {
  it('a second sync of the same instance is refused while the first runs, and the lease is released after', async () => {
    const { fake, instanceId } = await connectedFake({ reports: 40, seed: 5 });
    fakes.push(fake);
    const [a, b] = await Promise.allSettled([syncInstance(instanceId), syncInstance(instanceId)]);
    const outcomes = [a.status, b.status].sort();
    expect(outcomes).toEqual(['fulfilled', 'rejected']);
    const rejected = [a, b].find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ code: 'conflict' });
    const row = await db.instance.findUniqueOrThrow({ where: { id: instanceId } });
    expect(row.syncLeaseToken).toBeNull();
    expect(row.status).toBe('ok'); // a refused duplicate does not mark the instance as failing
    await expect(syncInstance(instanceId)).resolves.toMatchObject({ created: 0, updated: 0 });
  });

  it("a dead worker's lease runs out: the next sync proceeds", async () => {
    const { fake, instanceId } = await connectedFake({ reports: 5, seed: 6 });
    fakes.push(fake);
    await db.instance.update({ where: { id: instanceId }, data: { syncLeaseToken: 'dead-worker', syncLeaseUntil: new Date(Date.now() - 1000) } });
    await expect(syncInstance(instanceId)).resolves.toMatchObject({ seen: expect.any(Number) });
  });

  it('a running sync of one instance never stalls the queue for the others (pg-boss stately did)', async () => {
    const boss = await getBoss();
    await enqueueInstanceSync('instance-a', 'test');
    const [active] = await boss.fetch(Q.instanceSync);
    expect(active.data).toMatchObject({ instanceId: 'instance-a' });
    await enqueueInstanceSync('instance-a', 'webhook');
    await enqueueInstanceSync('instance-a', 'webhook'); // deduped: one queued per instance
    await enqueueInstanceSync('instance-b', 'schedule');
    const next = await boss.fetch(Q.instanceSync, { batchSize: 5 });
    expect(next.map((j) => (j.data as { instanceId: string }).instanceId).sort()).toEqual(['instance-a', 'instance-b']);
  });
});
