/**
 * kill -9 of the worker mid-batch (issue 8, point 2: in-flight actions sat "running" for the 5-minute job expiry
 * and 3 of 20 were then delivered twice). The real worker runs in a child process against this file's database
 * and a fake Mastodon whose resolve answers slowly (the change lands at once, the answer comes late). The first
 * worker is SIGKILLed while sends are in flight; a second worker must finish every action within seconds, and the
 * fake must have seen each action exactly once.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { requestAction } from '@/lib/actions/request-action';
import { cancelAction } from '@/lib/actions/cancel-action';
import { bulkRequest } from '@/lib/queue/bulk-request';
import { persistActor, userActor } from './support/fixtures';
import { proxiedFake } from './outbox-support';
import type { FakeMastodon } from '@/e2e/fakes/mastodon/server';
import type { FaultProxy } from '@/e2e/fakes/fault-proxy';

const moderator = userActor('moderator', null, '00000000-0000-4000-8000-0000000005c2');
const ACTIONS = 20;
/** The second case: a bulk resolve with an undo window, some of it undone, the worker killed mid-batch. */
const BULK = 12;
const UNDONE = 3;
let fake: FakeMastodon;
let proxy: FaultProxy;
let instanceId: string;
const children: ChildProcess[] = [];
const outputs: (() => string)[] = [];
const started = new Map<string, number>();

function startWorker(name: string): ChildProcess {
  // node itself, not the tsx launcher: SIGKILL must hit the process that holds the claims, not a wrapper around it.
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start-worker.ts'], {
    cwd: process.cwd(),
    env: {
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: 'info', // 'worker started' tells the test when the new worker is up
      // Short leases and polls so a dead worker's rows free up in seconds, not 30 s (3 s: this machine is busy).
      OUTBOX_LEASE_SECONDS: '3',
      OUTBOX_POLL_MS: '250',
      OUTBOX_BACKOFF_BASE_MS: '200',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => {
    out += d.toString();
    if (!started.has(name) && out.includes('worker started')) started.set(name, Date.now());
  });
  child.stderr?.on('data', (d: Buffer) => { out += d.toString(); });
  child.on('exit', (code, signal) => { if (signal !== 'SIGKILL' && code) console.error(`[${name}] exited ${code}\n${out.slice(-3000)}`); });
  outputs.push(() => `${name}: ${out.slice(-4000)}`);
  children.push(child);
  return child;
}

async function until(what: string, check: () => Promise<boolean> | boolean, timeoutMs: number): Promise<number> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return Date.now() - start;
}

const resolves = () => proxy.log.filter((r) => r.method === 'POST' && r.path.endsWith('/resolve'));

beforeAll(async () => {
  await persistActor(moderator);
  ({ fake, proxy, instanceId } = await proxiedFake(ACTIONS + 14 + 2 * BULK, 502, [{ method: 'POST', path: /\/resolve$/, delayMs: 400 }]));
});
afterAll(async () => {
  if (process.env.OUTBOX_DEBUG) for (const o of outputs) console.log(o());
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  await proxy?.close();
  await fake?.close();
});

describe('a worker killed with SIGKILL mid-batch', () => {
  it('leaves no action undelivered or delivered twice, and a new worker finishes them within seconds', { timeout: 90_000 }, async () => {
    const reports = await db.report.findMany({ where: { instanceId, status: 'open' }, take: ACTIONS, orderBy: { remoteId: 'asc' } });
    expect(reports).toHaveLength(ACTIONS);
    const ids: string[] = [];
    for (const r of reports) {
      ids.push((await requestAction({ ctx: { actor: moderator }, input: { reportId: r.id, action: { kind: 'report.resolve' } } })).actionId);
    }

    const first = startWorker('worker-1');
    // Kill it while sends are in flight: some actions done, some sent but unanswered.
    await until('a few deliveries', () => resolves().length >= 5 && proxy.inFlight() > 0, 20_000);
    first.kill('SIGKILL');
    await new Promise((r) => first.once('exit', r));
    const orphans = (await db.action.findMany({ where: { id: { in: ids }, status: 'running' }, select: { id: true } })).map((a) => a.id);
    expect(orphans.length).toBeGreaterThan(0);

    startWorker('worker-2');
    const ms = await until('every action done', async () => (await db.action.count({ where: { id: { in: ids }, status: 'done' } })) === ACTIONS, 40_000);
    // The dead worker's actions are taken over within seconds of a worker being up (lease 1.5 s + poll), not after
    // the old 5-minute job expiry. (The worker's own start-up, a few seconds on a busy machine, is not the point.)

    // Exactly once, counted at the server: one resolve per report, never two.
    const perReport = new Map<string, number>();
    for (const r of resolves()) perReport.set(r.path, (perReport.get(r.path) ?? 0) + 1);
    for (const r of reports) expect(perReport.get(`/api/v1/admin/reports/${r.remoteId}/resolve`), r.remoteId).toBe(1);
    expect(fake.state.records.filter((r) => r.path.endsWith('/resolve'))).toHaveLength(ACTIONS);
    // The ones the dead worker had sent were confirmed by reading the report, not by sending again.
    const confirmed = await db.auditEvent.findMany({ where: { action: 'report.resolve.succeeded', instanceId } });
    expect(confirmed).toHaveLength(ACTIONS);
    expect(confirmed.filter((e) => JSON.stringify(e.details).includes('foundAppliedOnServer')).length).toBeGreaterThan(0);
    // The dead worker's actions are taken over within seconds of a worker being up (lease 3 s + poll), not after
    // the old 5-minute job expiry. (The worker's own start-up, a few seconds on a busy machine, is not the point.)
    const up = started.get('worker-2') ?? 0;
    const orphanRows = await db.action.findMany({ where: { id: { in: orphans } }, select: { finishedAt: true } });
    const lastOrphan = Math.max(...orphanRows.map((a) => a.finishedAt?.getTime() ?? Infinity));
    console.log(`second worker up after ${up - (Date.now() - ms)} ms; ${orphans.length} orphans done ${lastOrphan - up} ms later`);
    expect(lastOrphan - up).toBeLessThan(6_000);
  });

  it('a bulk resolve in its undo window: what was undone never reaches the server, the rest arrives once after a kill', { timeout: 90_000 }, async () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    const reports = await db.report.findMany({ where: { instanceId, status: 'open' }, take: BULK, orderBy: { remoteId: 'asc' } });
    expect(reports).toHaveLength(BULK);
    const before = resolves().length;
    const { results } = await bulkRequest({ ctx: { actor: moderator }, input: { reportIds: reports.map((r) => r.id), action: { kind: 'report.resolve' }, holdSeconds: 2 } });
    const ids = results.map((r) => r.actionId!);
    expect(ids.every(Boolean)).toBe(true);
    // Undo three while they wait; the worker is not even running yet.
    for (const id of ids.slice(0, UNDONE)) await cancelAction({ ctx: { actor: moderator }, input: { actionId: id } });

    const first = startWorker('worker-3');
    await until('a few bulk deliveries', () => resolves().length - before >= 3 && proxy.inFlight() > 0, 30_000);
    first.kill('SIGKILL');
    await new Promise((r) => first.once('exit', r));
    startWorker('worker-4');
    await until('every kept action done', async () => (await db.action.count({ where: { id: { in: ids.slice(UNDONE) }, status: 'done' } })) === BULK - UNDONE, 40_000);

    const sent = new Map<string, number>();
    for (const r of resolves().slice(before)) sent.set(r.path, (sent.get(r.path) ?? 0) + 1);
    const path = (remoteId: string) => `/api/v1/admin/reports/${remoteId}/resolve`;
    for (const r of reports.slice(0, UNDONE)) expect(sent.get(path(r.remoteId)), `undone ${r.remoteId}`).toBeUndefined();
    for (const r of reports.slice(UNDONE)) expect(sent.get(path(r.remoteId)), r.remoteId).toBe(1);
    expect(await db.action.count({ where: { id: { in: ids.slice(0, UNDONE) }, status: 'cancelled' } })).toBe(UNDONE);
  });
});
