/**
 * The lookup job's claims and limits on real Postgres, with stub connectors (no servers): two workers running the
 * same case split its rows and ask each instance once; lookups of many cases never hit one instance twice at
 * once; a row re-queued by "Search again" while running drops the stale answer; the scheduler tick queues the
 * job again for a lost job or a dead worker's row; a kind without findCopies is not asked and says why.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import type { Connector, CopyLookupResult, CopyQuery } from '@/lib/connectors/types';
import type { InstanceLike } from '@/lib/instances/connector-for';
import { claimLookups } from '@/lib/cases/claim-lookups';
import { createInstanceLimiter } from '@/lib/cases/instance-limiter';
import { lookupInstance } from '@/lib/cases/lookup-instance';
import { requestCopySearch } from '@/lib/cases/request-copy-search';
import { runCopySearch } from '@/lib/cases/run-copy-search';
import { sealToken } from '@/lib/instances/token-box';
import { getBoss } from '@/lib/jobs/boss';
import { Q } from '@/lib/jobs/queues';
import { runSchedulerTick } from '@/lib/jobs/scheduler-tick';
import { systemActor, userActor } from './support/fixtures';

const N = 12;
let instanceIds: string[] = [];

async function newCase(title: string): Promise<string> {
  const c = await db.case.create({
    data: {
      title, openedVia: 'cli', openedByLabel: 'system:test', originUri: 'https://origin.test/users/a/statuses/1',
      originMediaUrl: 'https://origin.test/files/1.png', originAcct: 'a@origin.test',
    },
  });
  return c.id;
}

/** A stub connector per instance: answers after `ms`, counting calls and how many run at once on each instance. */
function stubs(ms: number, answer: (instanceId: string, q: CopyQuery) => CopyLookupResult = () => ({ status: 'checked', copies: [], checked: 'stub' })) {
  const calls = new Map<string, number>();
  const inFlight = new Map<string, number>();
  let peak = 0;
  let all = 0;
  let peakAll = 0;
  const connectorFor = async (instance: InstanceLike): Promise<Connector> => {
    const c = {
      kind: 'mastodon', capabilities: { actions: [], categories: [], notes: {}, webhooks: false },
      findCopies: async (q: CopyQuery) => {
        calls.set(instance.id, (calls.get(instance.id) ?? 0) + 1);
        inFlight.set(instance.id, (inFlight.get(instance.id) ?? 0) + 1);
        peak = Math.max(peak, inFlight.get(instance.id)!);
        peakAll = Math.max(peakAll, ++all);
        await new Promise((r) => setTimeout(r, ms));
        inFlight.set(instance.id, inFlight.get(instance.id)! - 1);
        all--;
        return answer(instance.id, q);
      },
    };
    return c as unknown as Connector;
  };
  return { connectorFor, calls, peak: () => peak, peakAll: () => peakAll };
}

const fastLimiter = () => createInstanceLimiter({ perSecond: 1000 });

beforeAll(async () => {
  instanceIds = [];
  for (let i = 0; i < N; i++) {
    const url = `https://stub-${i}.test/`;
    const row = await db.instance.create({
      data: { name: `stub ${i}`, kind: 'mastodon', baseUrl: url, domain: `stub-${i}.test`, status: 'ok', tokenSealed: await sealToken('t', url), webhookSecretSealed: await sealToken('w', `${url}#webhook`) },
    });
    instanceIds.push(row.id);
  }
});

describe('copy lookup claims', () => {
  it('two claims at once split the rows: no row is claimed twice', async () => {
    const caseId = await newCase('split');
    await requestCopySearch({ ctx: { actor: systemActor }, input: { caseId } });
    const now = new Date();
    const [a, b] = await Promise.all([claimLookups(caseId, now, 60_000), claimLookups(caseId, now, 60_000)]);
    const ids = [...a.rows, ...b.rows].map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(N);
    // Nothing is left to claim while the leases live; everything is once they ran out.
    expect((await claimLookups(caseId, new Date(now.getTime() + 30_000), 60_000)).rows).toHaveLength(0);
    expect((await claimLookups(caseId, new Date(now.getTime() + 61_000), 60_000)).rows).toHaveLength(N);
  });

  it('two workers running one case ask each instance exactly once', async () => {
    const caseId = await newCase('two workers');
    await requestCopySearch({ ctx: { actor: systemActor }, input: { caseId } });
    const s = stubs(20);
    const limiter = fastLimiter();
    const [x, y] = await Promise.all([
      runCopySearch(caseId, { connectorFor: s.connectorFor, limiter, concurrency: 4 }),
      runCopySearch(caseId, { connectorFor: s.connectorFor, limiter, concurrency: 4 }),
    ]);
    expect(x.checked + y.checked).toBe(N);
    expect([...s.calls.values()].every((n) => n === 1)).toBe(true);
    expect(s.calls.size).toBe(N);
    expect(await db.caseLookup.count({ where: { caseId, status: 'none' } })).toBe(N);
  });

  it('every instance finding a copy at once: all written, no deadlock between the copy audits and the recounts', async () => {
    const caseId = await newCase('all found');
    // Round 1: half the instances find a copy; round 2: all do, so new copies (audit, then the Case row) and known
    // ones (the Case row, then the audit) are written at the same moment.
    let round = 0;
    const copyOn = (instanceId: string): CopyLookupResult => ({
      status: 'checked', checked: 'stub',
      copies: round === 1 || instanceIds.indexOf(instanceId) % 2 === 0
        ? [{ postId: `p-${instanceId}`, postUrl: null, postUri: null, mediaId: null, mediaUrl: null, originMediaUrl: null, account: null, foundBy: 'origin_uri' }]
        : [],
    });
    for (; round < 2; round++) {
      await requestCopySearch({ ctx: { actor: systemActor }, input: { caseId } });
      const s = stubs(0, copyOn);
      expect(await runCopySearch(caseId, { connectorFor: s.connectorFor, limiter: fastLimiter(), concurrency: N })).toEqual({ checked: N, found: round === 1 ? N : N / 2 });
    }
    expect(await db.caseLookup.count({ where: { caseId, status: 'found' } })).toBe(N);
    expect((await db.case.findUniqueOrThrow({ where: { id: caseId } })).copyCount).toBe(N);
    expect(await db.auditEvent.count({ where: { targetId: caseId, action: 'case.copy_found' } })).toBe(N);
  });

  it('a slow lookup keeps its lease alive (heartbeat): another worker does not take it over', async () => {
    const caseId = await newCase('slow');
    await requestCopySearch({ ctx: { actor: systemActor }, input: { caseId } });
    const s = stubs(1200);
    const run = runCopySearch(caseId, { connectorFor: s.connectorFor, limiter: fastLimiter(), leaseMs: 500, concurrency: N });
    await new Promise((r) => setTimeout(r, 800)); // past the first lease: only the heartbeat keeps the rows
    expect((await claimLookups(caseId, new Date(), 500)).rows).toHaveLength(0);
    expect(await run).toEqual({ checked: N, found: 0 });
    expect([...s.calls.values()].every((n) => n === 1)).toBe(true);
  });

  it('searches of several cases at once never ask one instance twice at the same time', async () => {
    const cases = await Promise.all([1, 2, 3, 4].map((i) => newCase(`burst ${i}`)));
    for (const caseId of cases) await requestCopySearch({ ctx: { actor: systemActor }, input: { caseId } });
    const s = stubs(15);
    const limiter = fastLimiter();
    await Promise.all(cases.map((caseId) => runCopySearch(caseId, { connectorFor: s.connectorFor, limiter })));
    expect(s.peak()).toBe(1);
    expect([...s.calls.values()].every((n) => n === cases.length)).toBe(true);
    // Different instances were still asked in parallel.
    expect(s.peakAll()).toBeGreaterThan(4);
  });

  it('"Search again" while a lookup runs: the stale answer is dropped, the new run writes it', async () => {
    const caseId = await newCase('re-requested');
    await requestCopySearch({ ctx: { actor: systemActor }, input: { caseId } });
    const target = instanceIds[0];
    const claim = await claimLookups(caseId, new Date(), 60_000, target);
    expect(claim.rows).toHaveLength(1);
    await requestCopySearch({ ctx: { actor: systemActor }, input: { caseId } });
    const found = stubs(1, () => ({ status: 'checked', checked: 'stub', copies: [{ postId: '9', postUrl: null, postUri: null, mediaId: null, mediaUrl: null, originMediaUrl: null, account: null, foundBy: 'origin_uri' }] }));
    expect(await lookupInstance(caseId, target, { claim: claim.startedAt, connectorFor: found.connectorFor, limiter: fastLimiter() })).toBeNull();
    expect(await db.caseCopy.count({ where: { caseId } })).toBe(0);
    expect(await lookupInstance(caseId, target, { connectorFor: found.connectorFor, limiter: fastLimiter() })).toEqual({ status: 'found', found: 1 });
    expect(await db.caseCopy.count({ where: { caseId, instanceId: target, copyKey: 'post:9', foundVia: 'remote' } })).toBe(1);
    expect((await db.case.findUniqueOrThrow({ where: { id: caseId } })).copyCount).toBe(1);
  });

  it('the scheduler tick queues the job again for a lost job and for a dead worker', async () => {
    const lost = await newCase('lost job');
    const dead = await newCase('dead worker');
    await requestCopySearch({ ctx: { actor: systemActor }, input: { caseId: lost } });
    await requestCopySearch({ ctx: { actor: systemActor }, input: { caseId: dead } });
    await claimLookups(dead, new Date(), 1_000);
    const boss = await getBoss();
    await boss.purgeQueue(Q.caseFindCopies); // the jobs were lost
    const later = new Date(Date.now() + 2 * 60_000);
    expect((await runSchedulerTick(later)).lookups).toBeGreaterThanOrEqual(2);
    const jobs = await boss.fetch<{ caseId: string }>(Q.caseFindCopies, { batchSize: 100 });
    expect(jobs.map((j) => j.data.caseId)).toEqual(expect.arrayContaining([lost, dead]));
  });

  it('a moderator limited to other instances cannot search a case they cannot see; one who can see it can', async () => {
    const caseId = await newCase('restricted');
    await db.caseCopy.create({ data: { caseId, instanceId: instanceIds[2], copyKey: 'post:1', foundBy: 'origin_uri', foundVia: 'remote' } });
    await expect(requestCopySearch({ ctx: { actor: userActor('moderator', [instanceIds[3]]) }, input: { caseId } })).rejects.toMatchObject({ code: 'not_found' });
    await expect(requestCopySearch({ ctx: { actor: userActor('viewer', [instanceIds[2]]) }, input: { caseId } })).rejects.toMatchObject({ code: 'forbidden' });
    expect(await requestCopySearch({ ctx: { actor: userActor('moderator', [instanceIds[2]]) }, input: { caseId } })).toEqual({ instances: N });
    await expect(requestCopySearch({ ctx: { actor: systemActor }, input: { caseId: 'not-a-uuid' } })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('a kind without findCopies is not asked, and the lookup says it cannot check without fetching', async () => {
    const caseId = await newCase('no lookup');
    await requestCopySearch({ ctx: { actor: systemActor }, input: { caseId } });
    const none = async (): Promise<Connector> => ({ kind: 'peertube', capabilities: { actions: [], categories: [], notes: {}, webhooks: false } }) as unknown as Connector;
    const out = await lookupInstance(caseId, instanceIds[1], { connectorFor: none, limiter: fastLimiter() });
    expect(out).toEqual({ status: 'cannot_check', found: 0 });
    const l = await db.caseLookup.findUniqueOrThrow({ where: { caseId_instanceId: { caseId, instanceId: instanceIds[1] } } });
    // The stored instance is a Mastodon; the text names the connector's own kind as stored on the instance.
    expect(l.detail).toMatch(/cannot look for copies without fetching from another server/);
  });
});
