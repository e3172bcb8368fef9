/**
 * Remote copy lookups end to end (issue 9, point 3 "Remote"): real fakes of every kind hold a federated copy of
 * the known-bad post; a case opened from the reported copy on one Mastodon asks every instance through the job,
 * finds the unreported copies, never makes any fake fetch from elsewhere, says so where a kind cannot check, ends
 * 'error' with a clear detail on a server that answers 500, re-runs without duplicating copies, and re-runs a
 * lookup whose worker died.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { openCase } from '@/lib/cases/open-case';
import { requestCopySearch } from '@/lib/cases/request-copy-search';
import { runCopySearch } from '@/lib/cases/run-copy-search';
import { lookupInstance } from '@/lib/cases/lookup-instance';
import { strandedLookupCases } from '@/lib/cases/claim-lookups';
import { addInstance } from '@/lib/instances/add-instance';
import { sealToken } from '@/lib/instances/token-box';
import { Q } from '@/lib/jobs/queues';
import { syncInstance } from '@/lib/sync/sync-instance';
import { KNOWN_BAD } from '@/e2e/fakes/federation/known-bad';
import { startFaultProxy, type FaultProxy } from '@/e2e/fakes/fault-proxy';
import { startFakeMastodon } from '@/e2e/fakes/mastodon/server';
import { startFakeGoToSocial } from '@/e2e/fakes/gotosocial/server';
import { startFakeAkkoma } from '@/e2e/fakes/akkoma/server';
import { startFakeMisskey } from '@/e2e/fakes/misskey/server';
import { startFakeLemmy } from '@/e2e/fakes/lemmy/server';
import { startFakePeerTube } from '@/e2e/fakes/peertube/server';
import { drainQueue } from './outbox-support';
import { persistActor, systemActor, userActor } from './support/fixtures';

interface Started { url: string; token: string; close(): Promise<void> }
type Expect = 'found' | 'none' | 'cannot_check';

/** Every kind, each with the lookup result it must give (a kind without a copy must answer 'none'). */
const PLAN: { name: string; expect: Expect; start: () => Promise<Started> }[] = [
  { name: 'mastodon-1', expect: 'found', start: () => startFakeMastodon({ reports: 2, seed: 901, domain: 'one.test', knownBad: { reported: true } }) },
  { name: 'mastodon-2', expect: 'found', start: () => startFakeMastodon({ reports: 1, seed: 902, domain: 'two.test', knownBad: {} }) },
  { name: 'mastodon-3', expect: 'none', start: () => startFakeMastodon({ reports: 1, seed: 903, domain: 'three.test' }) },
  { name: 'gotosocial', expect: 'found', start: () => startFakeGoToSocial({ reports: 1, seed: 904, knownBad: { variant: 'reencoded-rotated' } }) },
  { name: 'misskey', expect: 'found', start: () => startFakeMisskey({ reports: 1, seed: 905, knownBad: {} }) },
  { name: 'akkoma', expect: 'found', start: () => startFakeAkkoma({ reports: 1, seed: 906, knownBad: {} }) },
  { name: 'lemmy', expect: 'found', start: () => startFakeLemmy({ reports: 1, seed: 907, knownBad: {} }) },
  { name: 'peertube', expect: 'cannot_check', start: () => startFakePeerTube({ reports: 1, seed: 908, knownBad: {} }) },
];

const moderator = userActor('moderator', null, '00000000-0000-4000-8000-00000000d201');
const fakes = new Map<string, Started & { instanceId: string }>();
let broken: { fake: Started; proxy: FaultProxy; instanceId: string };
let disabledId: string;
let caseId: string;

/** A fake without the record answers 404: reported as such, so a missing record never passes as "none". */
const remoteFetches = async (url: string): Promise<unknown[]> => {
  const res = await fetch(`${url}/__fake/remote-fetches`);
  if (res.status !== 200) return [`GET /__fake/remote-fetches answered ${res.status}`];
  const body: unknown = await res.json();
  return Array.isArray(body) ? body : ['not an array'];
};
const lookupOf = (instanceId: string) => db.caseLookup.findUniqueOrThrow({ where: { caseId_instanceId: { caseId, instanceId } } });
const runJobs = () => drainQueue<{ caseId: string }>(Q.caseFindCopies, (d) => runCopySearch(d.caseId));

beforeAll(async () => {
  await persistActor(moderator);
  await Promise.all(PLAN.map(async (p) => {
    const fake = await p.start();
    const added = await addInstance({ ctx: { actor: systemActor }, input: { kind: 'auto', baseUrl: fake.url, token: fake.token, allowPrivate: true, name: p.name } });
    fakes.set(p.name, { ...fake, instanceId: added.id });
  }));
  // A Mastodon that answers 500 to everything (behind the fault proxy, so it cannot even be verified: stored directly).
  const fake = await startFakeMastodon({ reports: 1, seed: 909, domain: 'broken.test', knownBad: {} });
  const proxy = await startFaultProxy(fake.url, [{ path: /./, status: 500, forward: false }]);
  const row = await db.instance.create({
    data: {
      name: 'broken', kind: 'mastodon', baseUrl: proxy.url, domain: 'broken.test', allowPrivate: true, status: 'ok',
      tokenSealed: await sealToken(fake.token, proxy.url), webhookSecretSealed: await sealToken('wh', `${proxy.url}#webhook`),
    },
  });
  broken = { fake, proxy, instanceId: row.id };
  const disabled = await db.instance.create({
    data: {
      name: 'disabled', kind: 'mastodon', baseUrl: 'http://127.0.0.1:9/', domain: 'disabled.test', status: 'disabled',
      tokenSealed: await sealToken('x', 'http://127.0.0.1:9/'), webhookSecretSealed: await sealToken('wh', 'http://127.0.0.1:9/#webhook'),
    },
  });
  disabledId = disabled.id;
  await syncInstance(fakes.get('mastodon-1')!.instanceId);
}, 60_000);

afterAll(async () => {
  await broken?.proxy.close();
  await broken?.fake.close();
  await Promise.all([...fakes.values()].map((f) => f.close()));
});

describe('remote copy lookups', () => {
  it('a case opened from the reported copy finds the unreported copies on the other instances, through the job', async () => {
    const m1 = fakes.get('mastodon-1')!;
    const report = await db.report.findFirstOrThrow({ where: { instanceId: m1.instanceId, comment: KNOWN_BAD.reportComment } });
    const opened = await openCase({ ctx: { actor: moderator }, input: { reportId: report.id } });
    caseId = opened.caseId;
    // Every instance that is not disabled got a queued lookup, and one job was queued for the case.
    const rows = await db.caseLookup.findMany({ where: { caseId } });
    expect(rows).toHaveLength(PLAN.length + 1);
    expect(rows.every((r) => r.status === 'queued')).toBe(true);
    expect(rows.some((r) => r.instanceId === disabledId)).toBe(false);

    const started = Date.now();
    expect(await runJobs()).toBe(1);
    expect(Date.now() - started).toBeLessThan(15_000);

    const statuses: Record<string, string> = {};
    for (const p of PLAN) statuses[p.name] = (await lookupOf(fakes.get(p.name)!.instanceId)).status;
    expect(statuses).toEqual(Object.fromEntries(PLAN.map((p) => [p.name, p.expect])));
    for (const p of PLAN) {
      const l = await lookupOf(fakes.get(p.name)!.instanceId);
      expect(l.finishedAt).not.toBeNull();
      expect(l.leaseUntil).toBeNull();
      const copies = await db.caseCopy.findMany({ where: { caseId, instanceId: fakes.get(p.name)!.instanceId, foundVia: 'remote' } });
      if (p.expect === 'found') {
        expect(l.found).toBe(1);
        expect(copies.length + (await db.caseCopy.count({ where: { caseId, instanceId: fakes.get(p.name)!.instanceId, foundVia: 'local' } }))).toBe(1);
      } else {
        expect(l.found).toBe(0);
        expect(copies).toHaveLength(0);
      }
    }
    // Unreported copies, found by lookup, recorded as each instance records them.
    const m2copy = await db.caseCopy.findFirstOrThrow({ where: { caseId, instanceId: fakes.get('mastodon-2')!.instanceId } });
    expect(m2copy).toMatchObject({ foundVia: 'remote', state: 'present', originUri: KNOWN_BAD.post.uri, accountAcct: KNOWN_BAD.account.acct });
    expect(m2copy.copyKey).toMatch(/^post:/);
    expect(['origin_uri', 'media_url']).toContain(m2copy.foundBy);
    // The reported copy on instance 1 is the app's own post: the copy points at our media and the report is linked.
    const m1copy = await db.caseCopy.findFirstOrThrow({ where: { caseId, instanceId: m1.instanceId } });
    expect(m1copy.mediaId).not.toBeNull();
    expect(await db.caseReport.count({ where: { caseId, reportId: report.id } })).toBe(1);
    // Counts kept in step, and every finished lookup audited.
    const c = await db.case.findUniqueOrThrow({ where: { id: caseId } });
    const expectedCopies = PLAN.filter((p) => p.expect === 'found').length;
    expect(c.copyCount).toBe(expectedCopies);
    expect(c.instanceCount).toBe(expectedCopies);
    expect(await db.auditEvent.count({ where: { targetId: caseId, action: 'case.lookup_finished' } })).toBe(PLAN.length + 1);
    expect(await db.auditEvent.count({ where: { targetId: caseId, action: 'case.lookup_requested' } })).toBe(1);
  });

  it('no lookup made any server fetch from another server', async () => {
    const seen: Record<string, unknown[]> = {};
    for (const [name, f] of fakes) seen[name] = await remoteFetches(f.url);
    expect(seen).toEqual(Object.fromEntries([...fakes.keys()].map((name) => [name, []])));
    expect(await remoteFetches(broken.fake.url)).toEqual([]);
  });

  it('a kind that cannot check says so, with its reason', async () => {
    const l = await lookupOf(fakes.get('peertube')!.instanceId);
    expect(l.detail).toMatch(/PeerTube/);
    expect(l.detail).toMatch(/fetch/i);
  });

  it('a server that answers 500 ends in error with a clear detail, without a token in it, while the others land', async () => {
    const l = await lookupOf(broken.instanceId);
    expect(l.status).toBe('error');
    expect(l.detail).toMatch(/^The lookup failed: .*(500|error)/);
    expect(l.detail).not.toContain(broken.fake.token);
    expect(broken.proxy.log.length).toBeGreaterThan(0);
    // Its retries did not hold the others back: every other lookup had finished before it gave up.
    const others = await db.caseLookup.findMany({ where: { caseId, instanceId: { not: broken.instanceId } }, select: { finishedAt: true } });
    for (const o of others) expect(o.finishedAt!.getTime()).toBeLessThanOrEqual(l.finishedAt!.getTime());
  });

  it('"Search again" asks every instance again without duplicating copies', async () => {
    const copiesBefore = await db.caseCopy.findMany({ where: { caseId }, orderBy: { id: 'asc' }, select: { id: true, copyKey: true, instanceId: true } });
    const foundEvents = await db.auditEvent.count({ where: { targetId: caseId, action: 'case.copy_found' } });
    expect(await requestCopySearch({ ctx: { actor: moderator }, input: { caseId } })).toEqual({ instances: PLAN.length + 1 });
    expect(await runJobs()).toBe(1);
    expect(await db.caseCopy.findMany({ where: { caseId }, orderBy: { id: 'asc' }, select: { id: true, copyKey: true, instanceId: true } })).toEqual(copiesBefore);
    expect(await db.auditEvent.count({ where: { targetId: caseId, action: 'case.copy_found' } })).toBe(foundEvents);
    expect(await db.auditEvent.count({ where: { targetId: caseId, action: 'case.lookup_finished' } })).toBe(2 * (PLAN.length + 1));
    expect((await lookupOf(fakes.get('mastodon-2')!.instanceId)).status).toBe('found');
  });

  it('a lookup whose worker died (lease ran out) is run again; one still leased is left alone', async () => {
    const dead = fakes.get('mastodon-2')!.instanceId;
    const live = fakes.get('gotosocial')!.instanceId;
    const long = new Date(Date.now() - 10 * 60_000);
    await db.caseLookup.update({ where: { caseId_instanceId: { caseId, instanceId: dead } }, data: { status: 'running', startedAt: long, leaseUntil: new Date(long.getTime() + 60_000), finishedAt: null } });
    await db.caseLookup.update({ where: { caseId_instanceId: { caseId, instanceId: live } }, data: { status: 'running', startedAt: new Date(), leaseUntil: new Date(Date.now() + 60_000), finishedAt: null } });
    // The scheduler tick finds the case (the dead worker's job is gone) ...
    expect(await strandedLookupCases(new Date())).toContain(caseId);
    // ... and the run takes the dead worker's row only.
    expect(await runCopySearch(caseId)).toEqual({ checked: 1, found: 1 });
    expect((await lookupOf(dead)).status).toBe('found');
    expect((await lookupOf(live)).status).toBe('running');
    // The dead worker wakes up late: its claim no longer matches, so it writes nothing.
    const before = await db.auditEvent.count({ where: { targetId: caseId } });
    expect(await lookupInstance(caseId, dead, { claim: long })).toBeNull();
    expect(await db.auditEvent.count({ where: { targetId: caseId } })).toBe(before);
  });

  it('a viewer cannot start a search', async () => {
    await expect(requestCopySearch({ ctx: { actor: userActor('viewer') }, input: { caseId } })).rejects.toMatchObject({ code: 'forbidden' });
  });
});
