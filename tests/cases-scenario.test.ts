/**
 * Issue 9, "Done when", end to end below the UI: real fake servers of three kinds holding federated copies of the
 * known-bad test post (e2e/fakes/federation), connected and synced with the real connectors, their media fetched
 * and hashed by the real ingest, and the demo's own match bank (scripts/demo/ensure-demo-bank.ts). Four reports of
 * one image on four instances (one copy rotated and re-encoded) end up in exactly ONE case, opened by itself;
 * the background reports' unrelated images stay out of it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { getCase } from '@/lib/cases/get-case';
import { caseForMedia } from '@/lib/cases/case-badges';
import { requestCopySearch } from '@/lib/cases/request-copy-search';
import { runCopySearch } from '@/lib/cases/run-copy-search';
import { addInstance } from '@/lib/instances/add-instance';
import { ingestMedia } from '@/lib/media/ingest-media';
import { syncInstance } from '@/lib/sync/sync-instance';
import { KNOWN_BAD } from '@/e2e/fakes/federation/known-bad';
import { KNOWN_BAD_BANK, knownBadHashes, startKnownBadScenario, type KnownBadScenario, type ScenarioSlot } from '@/e2e/fakes/federation/start-scenario';
import { ensureDemoBank } from '@/scripts/demo/ensure-demo-bank';
import { systemActor } from './support/fixtures';

// The rotated re-encode comes last, so it arrives at a case that is already open (the "joins later" path).
const ORDER: ScenarioSlot[] = ['alpha', 'beta', 'misskey', 'gotosocial'];
const instanceOf: Partial<Record<ScenarioSlot, string>> = {};
let scenario: KnownBadScenario;
/** The demo's other servers, connected later: akkoma and lemmy hold an unreported copy, peertube nothing. */
let rest: KnownBadScenario | undefined;

beforeAll(async () => {
  scenario = await startKnownBadScenario({
    only: ORDER,
    reports: 2, // background reports with unrelated synthetic images
    knownBad: { alpha: { reported: true }, beta: { reported: true }, misskey: { reported: true }, gotosocial: { reported: true, variant: 'reencoded-rotated' } },
  });
  // The bank exists before anything syncs, as in the demo; a second call must change nothing.
  await ensureDemoBank();
  await ensureDemoBank();
  for (const slot of ORDER) {
    const f = scenario.fake(slot);
    const added = await addInstance({ ctx: { actor: systemActor }, input: { kind: 'auto', baseUrl: f.url, token: f.token, allowPrivate: true, name: `Scenario ${slot}` } });
    instanceOf[slot] = added.id;
    await syncInstance(added.id);
    for (const m of await db.media.findMany({ where: { instanceId: added.id, state: 'pending' }, select: { id: true } })) {
      await ingestMedia(m.id, { finalAttempt: true });
    }
  }
}, 120_000);
afterAll(async () => {
  await rest?.close();
  await scenario?.close();
});

const knownBadReports = () => db.report.findMany({ where: { comment: { contains: KNOWN_BAD.reportComment } }, select: { id: true, instanceId: true } });

describe('the known-bad scenario', () => {
  it('holds the demo bank once, with the hashes the app computes for the original', async () => {
    const banks = await db.hashBank.findMany({ where: { name: KNOWN_BAD_BANK.name }, include: { entries: true } });
    expect(banks).toHaveLength(1);
    expect(banks[0]).toMatchObject({ kind: 'match', label: 'csam', severity: 5 });
    const h = await knownBadHashes();
    expect(banks[0].entries.map((e) => `${e.signalType}:${e.value}`).sort()).toEqual([`pdq:${h.pdqHex}`, `sha256:${h.sha256}`]);
    expect(await db.auditEvent.count({ where: { action: 'bank.created', targetId: banks[0].id } })).toBe(1);
    // What ingest stored for the alpha copy is byte-for-byte the original: the same digests and PDQ.
    const stored = await db.media.findFirstOrThrow({ where: { instanceId: instanceOf.alpha, sha256: h.sha256 } });
    expect({ pdq: stored.pdqHash, md5: stored.md5 }).toEqual({ pdq: h.pdqHex, md5: h.md5 });
  });

  it('synced one known-bad report per instance', async () => {
    const reports = await knownBadReports();
    expect(reports.map((r) => r.instanceId).sort()).toEqual(ORDER.map((s) => instanceOf[s]).sort());
  });

  it('opens exactly one case by itself, with all four reports linked', async () => {
    const cases = await db.case.findMany({ include: { reports: true } });
    expect(cases).toHaveLength(1);
    const [c] = cases;
    expect(c).toMatchObject({ state: 'open', openedVia: 'auto', severity: 5, label: 'csam' });
    expect(c.reports.map((r) => r.reportId).sort()).toEqual((await knownBadReports()).map((r) => r.id).sort());
    expect(await db.auditEvent.count({ where: { action: 'case.opened', targetId: c.id } })).toBe(1);
  });

  it('holds one copy per instance: the same bytes by hash, the rotated re-encode by PDQ only', async () => {
    const [c] = await db.case.findMany({ include: { copies: true } });
    expect(c.copies.map((x) => x.instanceId).sort()).toEqual(ORDER.map((s) => instanceOf[s]).sort());
    const rotated = c.copies.find((x) => x.instanceId === instanceOf.gotosocial);
    expect(rotated).toMatchObject({ foundBy: 'pdq', foundVia: 'local', state: 'present' });
    expect(rotated?.variant).not.toBe('original');
    expect(rotated?.distance).toBeLessThanOrEqual(31);
    for (const slot of ['beta', 'misskey'] as const) {
      expect(c.copies.find((x) => x.instanceId === instanceOf[slot])?.foundBy).toBe('sha256');
    }
    expect(c).toMatchObject({ copyCount: 4, instanceCount: 4, reportCount: 4 });
    // The copies are the known-bad post's media, nothing else that was synced.
    const knownBadMedia = await db.media.findMany({ where: { status: { uri: KNOWN_BAD.post.uri } }, select: { id: true } });
    expect(c.copies.map((x) => x.mediaId).sort()).toEqual(knownBadMedia.map((m) => m.id).sort());
  });

  it('shows the origin post as the instances record it', async () => {
    const [c] = await db.case.findMany({ select: { id: true } });
    const detail = await getCase({ ctx: { actor: systemActor }, input: { id: c.id } });
    expect(detail.origin.uri).toBe(KNOWN_BAD.post.uri);
    expect(detail.copies.filter((x) => x.originUri === KNOWN_BAD.post.uri)).toHaveLength(4);
    expect(detail.reports).toHaveLength(4);
  });

  it('keeps every unrelated reported image out of the case', async () => {
    const [c] = await db.case.findMany({ include: { copies: { select: { mediaId: true } } } });
    const inCase = new Set(c.copies.map((x) => x.mediaId));
    const others = await db.media.findMany({ where: { id: { notIn: [...inCase].filter((x): x is string => x !== null) } }, select: { id: true, state: true } });
    expect(others.length).toBeGreaterThanOrEqual(4); // the background reports' images
    expect(others.filter((m) => m.state === 'done').length).toBeGreaterThan(0);
    expect((await caseForMedia({ actor: systemActor }, others.map((m) => m.id))).size).toBe(0);
    const linked = new Set((await db.caseReport.findMany({ select: { reportId: true } })).map((r) => r.reportId));
    expect(linked.size).toBe(4);
  });

  it('"Search again" with the demo\'s other servers connected finds their unreported copies, fetching nothing', async () => {
    rest = await startKnownBadScenario({ only: ['akkoma', 'lemmy', 'peertube'], reports: 1 });
    for (const f of rest.fakes) {
      instanceOf[f.name] = (await addInstance({ ctx: { actor: systemActor }, input: { kind: 'auto', baseUrl: f.url, token: f.token, allowPrivate: true, name: `Scenario ${f.name}` } })).id;
    }
    const [c] = await db.case.findMany({ select: { id: true } });
    expect((await requestCopySearch({ ctx: { actor: systemActor }, input: { caseId: c.id } })).instances).toBe(7);
    await runCopySearch(c.id);
    const detail = await getCase({ ctx: { actor: systemActor }, input: { id: c.id } });
    const status = Object.fromEntries(detail.lookups.map((l) => [l.instance.id, l.status]));
    expect(status[instanceOf.akkoma ?? '']).toBe('found');
    expect(status[instanceOf.lemmy ?? '']).toBe('found');
    expect(status[instanceOf.peertube ?? '']).toBe('cannot_check');
    for (const slot of ORDER) expect(status[instanceOf[slot] ?? '']).toBe('found');
    const remote = detail.copies.filter((x) => x.foundVia === 'remote').map((x) => x.instance.id).sort();
    expect(remote).toEqual([instanceOf.akkoma, instanceOf.lemmy].sort());
    expect(new Set(detail.copies.filter((x) => x.state === 'present').map((x) => x.instance.id)).size).toBe(6);
    for (const f of [...scenario.fakes, ...rest.fakes]) {
      const res = await fetch(`${f.url}/__fake/remote-fetches`);
      expect({ fake: f.name, status: res.status, fetches: await res.json() }).toEqual({ fake: f.name, status: 200, fetches: [] });
    }
    // A copy found both ways stays 'local' and keeps the stronger way (sha256 > md5 > origin_uri > media_url > pdq):
    // the re-encode, joined by PDQ, is now known by the origin post's URI too.
    expect(detail.copies.find((x) => x.instance.id === instanceOf.gotosocial)).toMatchObject({ foundVia: 'local', foundBy: 'origin_uri' });
  });
});
