/**
 * Actions whose effect no read can confirm (delivery-class.ts: 'unverifiable', or a check that answers
 * 'unknown') are never sent again automatically after an attempt that may have reached the server: the row
 * fails with a message that sends a human to check the server, and only their retry sends again. A domain block
 * is read back from the server's block list instead (lib/actions/check-domain-block.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { performAction } from '@/lib/actions/perform-action';
import { requestAction } from '@/lib/actions/request-action';
import { retryAction } from '@/lib/actions/retry-action';
import { Q } from '@/lib/jobs/queues';
import { runSchedulerTick } from '@/lib/jobs/scheduler-tick';
import { persistActor, userActor } from './support/fixtures';
import { drainQueue, proxiedFake } from './outbox-support';
import type { FakeMastodon } from '@/e2e/fakes/mastodon/server';
import type { FaultProxy } from '@/e2e/fakes/fault-proxy';

const moderator = userActor('moderator', null, '00000000-0000-4000-8000-0000000005c3');
const SETTINGS = { leaseMs: 30_000, backoffBaseMs: 10_000, backoffCapMs: 60_000, actionMaxAttempts: 5 };
let fake: FakeMastodon;
let proxy: FaultProxy;
let instanceId: string;

beforeAll(async () => {
  await persistActor(moderator);
  ({ fake, proxy, instanceId } = await proxiedFake(12, 503));
});
afterAll(async () => {
  await proxy?.close();
  await fake?.close();
});

const posts = (re: RegExp) => proxy.log.filter((r) => r.method === 'POST' && re.test(r.path)).length;

/** Ten simulated minutes of ticks, each followed by running every queued job. */
async function tenMinutes(): Promise<void> {
  const start = Date.now();
  for (let t = 0; t <= 10 * 60_000; t += 20_000) {
    const now = new Date(start + t);
    await runSchedulerTick(now);
    await drainQueue<{ actionId: string }>(Q.actionPerform, (d) => performAction(d.actionId, { now, settings: SETTINGS }));
  }
}

async function blockRequest(): Promise<{ actionId: string; domain: string }> {
  const report = await db.report.findFirstOrThrow({ where: { instanceId, target: { domain: { not: null } }, actions: { none: {} } }, include: { target: true } });
  const block = { kind: 'domain.block', severity: 'suspend', rejectMedia: false, rejectReports: false, obfuscate: false };
  const { actionId } = await requestAction({ ctx: { actor: moderator }, input: { reportId: report.id, action: block } });
  return { actionId, domain: report.target.domain ?? '' };
}

describe('domain blocks after an uncertain attempt: read back from the server\'s block list', () => {
  it('a domain block its worker died sending is looked up first: not on the server, so it is sent once', async () => {
    const { actionId, domain } = await blockRequest();
    // What a worker killed mid-send leaves behind (the real kill is tests/outbox-crash.test.ts).
    await db.action.update({
      where: { id: actionId },
      data: { status: 'running', attempts: 1, leaseToken: 'dead-worker', leaseUntil: new Date(Date.now() - 1000), unconfirmedSendAt: new Date(Date.now() - 2000) },
    });
    await tenMinutes();
    expect(posts(/^\/api\/v1\/admin\/domain_blocks$/)).toBe(1);
    expect(proxy.log.some((r) => r.method === 'GET' && /^\/api\/v1\/admin\/domain_blocks/.test(r.path))).toBe(true);
    expect((await db.action.findUniqueOrThrow({ where: { id: actionId } })).status).toBe('done');
    expect(fake.state.summary().domainBlocks.map((b) => b.domain)).toContain(domain);
  });

  it('a domain block answered with 500 after it landed is found on the server and never sent again', async () => {
    proxy.setRules([{ method: 'POST', path: /^\/api\/v1\/admin\/domain_blocks$/, status: 500, forward: true }]);
    const { actionId, domain } = await blockRequest();
    const before = posts(/^\/api\/v1\/admin\/domain_blocks$/);
    expect(await performAction(actionId, { settings: SETTINGS })).toBe('retry');
    await tenMinutes();
    expect(posts(/^\/api\/v1\/admin\/domain_blocks$/)).toBe(before + 1);
    expect(fake.state.summary().domainBlocks.map((b) => b.domain)).toContain(domain); // it did land
    const row = await db.action.findUniqueOrThrow({ where: { id: actionId } });
    expect(row.status).toBe('done');
    const done = await db.auditEvent.findFirstOrThrow({ where: { action: 'domain.block.succeeded', details: { path: ['actionId'], equals: actionId } } });
    expect(done.details).toMatchObject({ foundAppliedOnServer: true });
    proxy.setRules([]);
  });
});

describe('unverifiable actions after an uncertain attempt', () => {
  it('a warning (account action "none") that met a 500 is not repeated: no read can show a warning', async () => {
    proxy.setRules([{ method: 'POST', path: /\/action$/, status: 500, forward: true }]);
    const report = await db.report.findFirstOrThrow({ where: { instanceId, actions: { none: {} } } });
    const { actionId } = await requestAction({ ctx: { actor: moderator }, input: { reportId: report.id, action: { kind: 'account.action', type: 'none', text: 'first warning', notify: false } } });
    await tenMinutes();
    expect(posts(/^\/api\/v1\/admin\/accounts\/[^/]+\/action$/)).toBe(1);
    const row = await db.action.findUniqueOrThrow({ where: { id: actionId } });
    expect(row.status).toBe('failed');
    expect(row.lastError).toMatch(/may or may not have reached the server/);
  });
});
