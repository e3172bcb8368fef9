/**
 * notifyEvent: one pending delivery per enabled hook subscribed to the event, none for disabled or unsubscribed
 * hooks; inside a transaction that rolls back, none at all. wakeDeliveries queues each row and never throws.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db';
import { notifyEvent, wakeDeliveries } from '@/lib/notify/notify-event';
import { saveHook } from '@/lib/notify/save-hook';
import type { NotifyEvent, NotifyPayload } from '@/lib/notify/types';
import { systemActor } from './support/fixtures';

const queued: string[] = [];
let failWake = false;
vi.mock('@/lib/jobs/enqueue', async (orig) => ({
  ...(await orig<typeof import('@/lib/jobs/enqueue')>()),
  enqueueNotifyDelivery: vi.fn(async (id: string) => {
    if (failWake) throw new Error('queue down');
    queued.push(id);
  }),
}));

const ctx = { actor: systemActor };
const payload = (event: NotifyEvent): NotifyPayload => ({
  event, summary: 'Held on Alpha', holdId: '00000000-0000-4000-8000-00000000a001', ruleName: 'R', instanceName: 'Alpha',
  url: 'http://localhost:3000/reports/r1', severity: 4, label: null, step: null, dueAt: '2026-12-03T12:00:00.000Z', at: '2026-12-03T11:00:00.000Z',
});
const hook = (name: string, events: NotifyEvent[], enabled = true) =>
  saveHook({ ctx, input: { name, kind: 'json', url: `https://${name.toLowerCase()}.example/hook`, secret: 's3cret', enabled, events } });

beforeEach(async () => {
  await db.notifyDelivery.deleteMany();
  await db.notifyHook.deleteMany();
  queued.length = 0;
  failWake = false;
});

describe('notifyEvent', () => {
  it('writes one pending row per enabled, subscribed hook', async () => {
    const a = await hook('A', ['hold.placed', 'hold.overdue']);
    const b = await hook('B', ['hold.placed']);
    await hook('C', ['hold.overdue']);
    await hook('D', ['hold.placed'], false);
    const ids = await notifyEvent(payload('hold.placed'));
    const rows = await db.notifyDelivery.findMany({ where: { id: { in: ids } } });
    expect(rows.map((r) => r.hookId).sort()).toEqual([a.id, b.id].sort());
    for (const r of rows) expect(r).toMatchObject({ state: 'pending', event: 'hold.placed', attempts: 0, payload: payload('hold.placed') });
    expect(await notifyEvent(payload('hold.would_hold'))).toEqual([]);
  });

  it('writes nothing when the caller\'s transaction rolls back, and commits with it otherwise', async () => {
    await hook('A', ['hold.placed']);
    await expect(db.$transaction(async (tx) => {
      expect(await notifyEvent(payload('hold.placed'), tx)).toHaveLength(1);
      throw new Error('the hold failed');
    })).rejects.toThrow('the hold failed');
    expect(await db.notifyDelivery.count()).toBe(0);
    const ids = await db.$transaction((tx) => notifyEvent(payload('hold.placed'), tx));
    expect(await db.notifyDelivery.count({ where: { id: { in: ids } } })).toBe(1);
  });
});

describe('wakeDeliveries', () => {
  it('queues every id and swallows a queue outage', async () => {
    await wakeDeliveries(['x', 'y']);
    expect(queued).toEqual(['x', 'y']);
    failWake = true;
    await expect(wakeDeliveries(['z'])).resolves.toBeUndefined();
  });
});
