/**
 * Done-when: an outside matcher receives only hashes. A fake Mastodon's synthetic image is synced and ingested;
 * the fake HMA and the fake cloud service hold its PDQ and MD5 (computed with the app's own hashing); the checks
 * store hits named after the service, the report's match names the service, and every request either fake saw
 * carries nothing but hex hashes and hash type names. An instance that is not opted in sends nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { ingestMedia } from '@/lib/media/ingest-media';
import { saveMatcher } from '@/lib/matchers/save-matcher';
import { saveRule } from '@/lib/holding/save-rule';
import { runOutsideChecks } from '@/lib/matchers/run-outside-checks';
import { getMediaView } from '@/lib/queue/media-view';
import { toMatchView } from '@/lib/queue/match-view';
import { syncInstance } from '@/lib/sync/sync-instance';
import { startFakeHma, type FakeHma } from '@/e2e/fakes/hma/server';
import { startFakeHashCloud, type FakeHashCloud } from '@/e2e/fakes/hash-cloud/server';
import type { FakeMastodon } from '@/e2e/fakes/mastodon/server';
import { hashesOf } from './matching-fixtures';
import { connectedFake, systemActor } from './support/fixtures';

const CLOUD_KEY = 'cloud-key-0123456789';
let a: { fake: FakeMastodon; instanceId: string };
let b: { fake: FakeMastodon; instanceId: string };
let hma: FakeHma;
let cloud: FakeHashCloud;
let mediaId: string;
let mediaUrl: string;
let hashes: { pdq: string; md5: string };
let ruleId: string;

const HASH_OR_TYPE = /^(pdq|md5|video_md5|[0-9a-f]{32}|[0-9a-f]{64})$/;

beforeAll(async () => {
  a = await connectedFake({ reports: 6, seed: 31 });
  b = await connectedFake({ reports: 6, seed: 32 });
  await syncInstance(a.instanceId);
  await syncInstance(b.instanceId);
  const media = await db.media.findFirstOrThrow({ where: { instanceId: a.instanceId, type: 'image' } });
  mediaId = media.id;
  mediaUrl = media.url;
  const h = await hashesOf(Buffer.from(await (await fetch(media.url)).arrayBuffer()));
  hashes = { pdq: h.pdqHash!, md5: h.md5! };
  hma = await startFakeHma({ banks: { 'test-bank': [hashes.pdq] } });
  cloud = await startFakeHashCloud({ key: CLOUD_KEY, banks: { 'test-list': [hashes.md5] }, labels: { 'test-list': 'known-test' } });
  const common = { enabled: true, allowPrivate: true, instanceIds: [a.instanceId], signalTypes: ['pdq', 'md5'] as ('pdq' | 'md5')[], label: 'csam', timeoutMs: 3000, perMinute: 60 };
  await saveMatcher({ ctx: { actor: systemActor }, input: { ...common, name: 'HMA', kind: 'hma', baseUrl: hma.url, severity: 5 } });
  await saveMatcher({ ctx: { actor: systemActor }, input: { ...common, name: 'CloudMatch', kind: 'cloud', baseUrl: cloud.url, key: CLOUD_KEY, severity: 4 } });
  // A dry-run rule on outside hits of severity 5: it records the hold it would place, and sends nothing.
  ruleId = (await saveRule({
    ctx: { actor: systemActor },
    input: { rule: { name: 'Outside severity 5', trigger: 'outside_match', mode: 'dry_run', enabled: true, minSeverity: 5, labels: [], minScore: 3, level: 'sensitive', allowSuspend: false, reviewMinutes: 60, instanceIds: [] } },
  })).id;
});

afterAll(async () => {
  await Promise.all([a.fake.close(), b.fake.close(), hma.close(), cloud.close()]);
});

describe('outside matchers receive only hashes', () => {
  it('stores hits with the service name and names the service in the report match', async () => {
    expect(await ingestMedia(mediaId)).toBe('done');
    const checks = await db.outsideCheck.findMany({ where: { mediaId } });
    expect(checks).toHaveLength(2);
    await runOutsideChecks(mediaId);
    const matches = await db.outsideMatch.findMany({ where: { mediaId }, include: { matcher: { select: { name: true } } }, orderBy: { bank: 'asc' } });
    expect(matches.map((m) => [m.matcher.name, m.bank, m.signalType, m.severity])).toEqual([['HMA', 'test-bank', 'pdq', 5], ['CloudMatch', 'test-list', 'md5', 4]]);
    expect(matches.find((m) => m.bank === 'test-list')?.matchLabel).toBe('known-test');
    expect((await db.outsideCheck.findMany({ where: { mediaId } })).every((c) => c.state === 'done')).toBe(true);

    const reports = await db.report.findMany({ where: { statuses: { some: { status: { media: { some: { id: mediaId } } } } } } });
    expect(reports.length).toBeGreaterThan(0);
    for (const r of reports) {
      expect(r.matchSeverity).toBe(5);
      expect(toMatchView(r.matchSummary)).toMatchObject({ service: 'HMA', bank: 'test-bank', severity: 5, signalType: 'pdq' });
    }
    // The report page's per-media list shows both beside local bank matches, with the service's name.
    const view = await getMediaView({ actor: systemActor }, mediaId);
    expect(view?.matches.map((m) => `${m.service} · ${m.bank}`)).toEqual(['HMA · test-bank', 'CloudMatch · test-list']);
    // The outside hit fired the outside_match rule, naming the service (severity 4 from CloudMatch alone would not).
    const holds = await db.hold.findMany({ where: { ruleId } });
    expect(holds.length).toBeGreaterThan(0);
    expect(holds.every((h) => h.state === 'would_hold' && (h.signal as { service?: string }).service === 'HMA')).toBe(true);
    // Hits are audited once.
    expect(await db.auditEvent.count({ where: { action: 'matcher.hit', targetId: mediaId } })).toBe(2);
    await db.outsideCheck.updateMany({ where: { mediaId }, data: { state: 'pending' } });
    await runOutsideChecks(mediaId);
    expect(await db.auditEvent.count({ where: { action: 'matcher.hit', targetId: mediaId } })).toBe(2);
  });

  it('every recorded request holds only hex hashes and type names', async () => {
    const instance = await db.instance.findUniqueOrThrow({ where: { id: a.instanceId } });
    const accounts = await db.account.findMany({ where: { instanceId: a.instanceId }, select: { acct: true, username: true } });
    const host = new URL(instance.baseUrl).host;
    const forbidden = [mediaUrl, host, instance.domain, ...accounts.flatMap((x) => [x.acct, x.username]).filter((s) => s.length >= 4)];

    expect(hma.state.records.length).toBeGreaterThanOrEqual(2);
    for (const r of hma.state.records) {
      expect(r.method).toBe('GET');
      expect(r.path).toBe('/m/lookup');
      expect(Object.keys(r.query).sort()).toEqual(['signal', 'signal_type']);
      for (const v of Object.values(r.query)) expect(v).toMatch(HASH_OR_TYPE);
      expect(r.body).toBe('');
    }
    expect(hma.state.records.map((r) => r.query.signal).sort()).toEqual(expect.arrayContaining([hashes.pdq, hashes.md5]));

    expect(cloud.state.records.length).toBeGreaterThanOrEqual(1);
    for (const r of cloud.state.records) {
      expect([r.method, r.path, r.query]).toEqual(['POST', '/v1/match', {}]);
      const body = JSON.parse(r.body) as { hashes: { type: string; value: string }[] };
      expect(Object.keys(body)).toEqual(['hashes']);
      for (const h of body.hashes) {
        expect(Object.keys(h).sort()).toEqual(['type', 'value']);
        expect(h.type).toMatch(HASH_OR_TYPE);
        expect(h.value).toMatch(HASH_OR_TYPE);
      }
      expect(r.body.length).toBeLessThan(400); // two hashes; an image would be kilobytes
    }
    for (const r of [...hma.state.records, ...cloud.state.records]) {
      const everything = JSON.stringify({ path: r.path, query: r.query, body: r.body, headers: r.headers });
      for (const word of forbidden) expect(everything).not.toContain(word);
    }
  });

  it('sends nothing for an instance that is not opted in', async () => {
    const before = hma.state.records.length + cloud.state.records.length;
    const other = await db.media.findFirstOrThrow({ where: { instanceId: b.instanceId, type: 'image' } });
    expect(await ingestMedia(other.id)).toBe('done');
    expect(await db.outsideCheck.count({ where: { mediaId: other.id } })).toBe(0);
    // Even a stale check row (the instance taken off the list later) sends nothing.
    const matchers = await db.outsideMatcher.findMany();
    await db.outsideCheck.createMany({ data: matchers.map((m) => ({ mediaId: other.id, matcherId: m.id })) });
    await runOutsideChecks(other.id);
    expect(hma.state.records.length + cloud.state.records.length).toBe(before);
    expect(await db.outsideMatch.count({ where: { mediaId: other.id } })).toBe(0);
  });
});
