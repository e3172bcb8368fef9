/**
 * A newly connected instance is synced before the routine syncs already queued (which, for instances that are down,
 * each take seconds to fail): the worker fetches it first.
 */
import { describe, expect, it } from 'vitest';
import { enqueueInstanceSync } from '@/lib/jobs/enqueue';
import { getBoss } from '@/lib/jobs/boss';
import { Q } from '@/lib/jobs/queues';

describe('sync priority', () => {
  it('an instance just added is fetched before the scheduled syncs queued earlier', async () => {
    const routine = ['11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222', '33333333-3333-4333-8333-333333333333'];
    for (const id of routine) await enqueueInstanceSync(id, 'schedule');
    const added = '44444444-4444-4444-8444-444444444444';
    await enqueueInstanceSync(added, 'added');
    const boss = await getBoss();
    const [first] = await boss.fetch<{ instanceId: string }>(Q.instanceSync, { batchSize: 1 });
    expect(first?.data.instanceId).toBe(added);
  });
});
