/**
 * An action the server always answers with 500 (issue 8, point 2: one was delivered 52 times in 9 minutes).
 * Nine simulated minutes of the real scheduler tick every 15 s, each followed by running every queued job as a
 * worker would: the action reaches the server at most the capped number of times and ends failed with a reason.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { performAction } from '@/lib/actions/perform-action';
import { requestAction } from '@/lib/actions/request-action';
import { Q } from '@/lib/jobs/queues';
import { runSchedulerTick } from '@/lib/jobs/scheduler-tick';
import { persistActor, userActor } from './support/fixtures';
import { drainQueue, maxQueuedPerKey, proxiedFake } from './outbox-support';
import type { FakeMastodon } from '@/e2e/fakes/mastodon/server';
import type { FaultProxy } from '@/e2e/fakes/fault-proxy';

const moderator = userActor('moderator', null, '00000000-0000-4000-8000-0000000005c1');
const SETTINGS = { leaseMs: 30_000, backoffBaseMs: 10_000, backoffCapMs: 60_000, actionMaxAttempts: 5 };
let fake: FakeMastodon;
let proxy: FaultProxy;
let instanceId: string;

beforeAll(async () => {
  await persistActor(moderator);
  ({ fake, proxy, instanceId } = await proxiedFake(6, 501, [{ method: 'POST', path: /\/resolve$/, status: 500, forward: false }]));
});
afterAll(async () => {
  await proxy?.close();
  await fake?.close();
});

describe('an always-500 server', () => {
  it('gets the action at most the capped number of times, and the action ends failed with the reason', async () => {
    const report = await db.report.findFirstOrThrow({ where: { instanceId, status: 'open' } });
    const { actionId } = await requestAction({ ctx: { actor: moderator }, input: { reportId: report.id, action: { kind: 'report.resolve' } } });
    const resolvePath = `/api/v1/admin/reports/${report.remoteId}/resolve`;
    const start = Date.now();
    let maxQueued = 0;
    for (let t = 0; t <= 9 * 60_000; t += 15_000) {
      const now = new Date(start + t);
      await runSchedulerTick(now);
      maxQueued = Math.max(maxQueued, await maxQueuedPerKey(Q.actionPerform));
      await drainQueue<{ actionId: string }>(Q.actionPerform, (d) => performAction(d.actionId, { now, settings: SETTINGS }));
    }
    const sent = proxy.log.filter((r) => r.method === 'POST' && r.path === resolvePath).length;
    expect(sent).toBeGreaterThan(1); // it did retry (a 500 is transient) ...
    expect(sent).toBeLessThanOrEqual(SETTINGS.actionMaxAttempts); // ... but never beyond the cap
    expect(maxQueued).toBeLessThanOrEqual(1); // the sweeper never stacks wake-ups
    const row = await db.action.findUniqueOrThrow({ where: { id: actionId } });
    expect(row.status).toBe('failed');
    expect(row.lastError).toMatch(/Gave up after 5 attempts/);
    expect(row.lastError).toMatch(/HTTP 500/);
    expect(row.lastError).toMatch(/may or may not have reached the server/);
    expect(await db.auditEvent.count({ where: { action: 'report.resolve.failed', targetId: report.id } })).toBe(1);
    // Nothing more is sent once it has failed, however often the tick runs.
    for (let t = 10 * 60_000; t <= 12 * 60_000; t += 15_000) {
      await runSchedulerTick(new Date(start + t));
      await drainQueue<{ actionId: string }>(Q.actionPerform, (d) => performAction(d.actionId, { now: new Date(start + t), settings: SETTINGS }));
    }
    expect(proxy.log.filter((r) => r.method === 'POST' && r.path === resolvePath).length).toBe(sent);
  });

  it('before each re-send it re-reads the report: a 500 after the change landed is not sent again', async () => {
    proxy.setRules([{ method: 'POST', path: /\/resolve$/, status: 500, forward: true }]);
    const report = await db.report.findFirstOrThrow({ where: { instanceId, status: 'open', actions: { none: {} } } });
    const { actionId } = await requestAction({ ctx: { actor: moderator }, input: { reportId: report.id, action: { kind: 'report.resolve' } } });
    const start = Date.now();
    for (let t = 0; t <= 2 * 60_000; t += 15_000) {
      const now = new Date(start + t);
      await runSchedulerTick(now);
      await drainQueue<{ actionId: string }>(Q.actionPerform, (d) => performAction(d.actionId, { now, settings: SETTINGS }));
    }
    const path = `/api/v1/admin/reports/${report.remoteId}/resolve`;
    expect(proxy.log.filter((r) => r.method === 'POST' && r.path === path)).toHaveLength(1);
    expect(proxy.log.some((r) => r.method === 'GET' && r.path === `/api/v1/admin/reports/${report.remoteId}`)).toBe(true);
    const row = await db.action.findUniqueOrThrow({ where: { id: actionId } });
    expect(row.status).toBe('done');
    expect((await db.report.findUniqueOrThrow({ where: { id: report.id } })).status).toBe('resolved');
  });
});
