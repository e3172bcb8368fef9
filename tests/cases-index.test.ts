/**
 * The case index: agrees with a brute-force Hamming scan (fast-check, random hashes and dihedral variants within
 * and beyond the threshold), follows new CaseSignal rows without reloading (also one that commits after a higher id), drops closed cases, and
 * answers among 10,000 open cases in well under a millisecond.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { CaseIndex } from '@/lib/cases/case-index';
import { caseIndexStats, resetCaseIndex, syncCaseIndex } from '@/lib/cases/case-index-sync';
import { hammingDistance } from '@/lib/hashing/hex';
import { flipBits, randomHash, rng } from '@/lib/matching/test-hashes';
import { systemActor } from './support/fixtures';
import { openCase } from '@/lib/cases/open-case';
import { makeInstance, makePost, unrelatedHashes } from './cases-core-fixtures';

const VARIANTS = ['original', 'rot90', 'rot180', 'rot270', 'flipx', 'flipy', 'transpose', 'antitranspose'];

describe('CaseIndex (pure)', () => {
  it('agrees with a brute-force scan for random hashes and variants within and beyond the threshold', () => {
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.integer({ min: 0, max: 40 }), fc.array(fc.integer({ min: 0, max: 64 }), { minLength: 1, maxLength: 12 }), fc.integer({ min: 0, max: 7 }),
      (seed, threshold, distances, variantAt) => {
        const next = rng(seed);
        const index = new CaseIndex();
        const stored: { id: number; caseId: string; hash: string }[] = [];
        const query = Array.from({ length: 8 }, (_, i) => ({ name: VARIANTS[i], hash: randomHash(next) }));
        distances.forEach((d, i) => {
          // Each case's hash sits at distance d from ONE of the query's variants (rotated copies), or is random.
          const hash = i % 3 === 2 ? randomHash(next) : flipBits(query[(variantAt + i) % 8].hash, d);
          stored.push({ id: i + 1, caseId: `case-${i}`, hash });
          index.add({ id: i + 1, caseId: `case-${i}`, signalType: 'pdq', value: hash });
        });
        const got = new Map(index.query({ pdqVariants: query, threshold }).map((h) => [h.caseId, h.distance]));
        const want = new Map<string, number>();
        for (const s of stored) {
          const d = Math.min(...query.map((q) => hammingDistance(q.hash, s.hash)));
          if (d <= threshold) want.set(s.caseId, Math.min(d, want.get(s.caseId) ?? 257));
        }
        expect(got).toEqual(want);
      },
    ), { numRuns: 200, seed: 2026 });
  });

  it('exact hashes hit before PDQ; a dropped case hits nothing', () => {
    const index = new CaseIndex();
    const next = rng(7);
    const pdq = randomHash(next);
    const sha = 'ab'.repeat(32);
    index.add({ id: 1, caseId: 'c1', signalType: 'pdq', value: pdq });
    index.add({ id: 2, caseId: 'c1', signalType: 'sha256', value: sha });
    index.add({ id: 3, caseId: 'c2', signalType: 'pdq', value: flipBits(pdq, 5) });
    expect(index.add({ id: 4, caseId: 'c3', signalType: 'md5', value: 'not-a-hash' })).toBe(false);
    const hits = index.query({ sha256: sha, pdqVariants: [{ name: 'original', hash: pdq }], threshold: 31 });
    expect(hits.find((h) => h.caseId === 'c1')).toMatchObject({ foundBy: 'sha256' });
    expect(hits.find((h) => h.caseId === 'c2')).toMatchObject({ foundBy: 'pdq', distance: 5, variant: 'original' });
    index.dropCase('c1');
    expect(index.query({ sha256: sha, pdqVariants: [{ name: 'original', hash: pdq }], threshold: 31 }).map((h) => h.caseId)).toEqual(['c2']);
  });

  it('answers among 10,000 open cases in well under a millisecond', () => {
    const index = new CaseIndex();
    const next = rng(99);
    for (let i = 0; i < 10_000; i++) {
      index.add({ id: 3 * i + 1, caseId: `c${i}`, signalType: 'pdq', value: randomHash(next) });
      index.add({ id: 3 * i + 2, caseId: `c${i}`, signalType: 'sha256', value: randomHash(next) });
      index.add({ id: 3 * i + 3, caseId: `c${i}`, signalType: 'md5', value: randomHash(next).slice(0, 32) });
    }
    const queries = Array.from({ length: 200 }, () => Array.from({ length: 8 }, (_, v) => ({ name: VARIANTS[v], hash: randomHash(next) })));
    // Warm-up: the first query builds the buckets, and the JIT settles.
    for (const q of queries) index.query({ sha256: 'ff'.repeat(32), md5: 'ee'.repeat(16), pdqVariants: q, threshold: 31 });
    const t0 = performance.now();
    for (const q of queries) index.query({ sha256: 'ff'.repeat(32), md5: 'ee'.repeat(16), pdqVariants: q, threshold: 31 });
    const perQuery = (performance.now() - t0) / queries.length;
    console.log(`case index: ${perQuery.toFixed(3)} ms per 8-variant + exact query among 10,000 cases`);
    // ~0.1 ms on an idle 2-vCPU VM; the bound leaves room for a machine shared with other test runs.
    expect(perQuery).toBeLessThan(2);
  });
});

describe('syncCaseIndex (database)', () => {
  it('loads once, then follows new signals by watermark; closed cases are not loaded', async () => {
    resetCaseIndex();
    const inst = await makeInstance();
    const a = await makePost(inst, await unrelatedHashes(6001), { statusUri: 'https://x.test/i1' });
    const first = await openCase({ ctx: { actor: systemActor }, input: { mediaId: a.mediaId ?? '' } });
    await syncCaseIndex();
    const s1 = caseIndexStats();
    expect(s1).toMatchObject({ loaded: true, loads: 1 });
    const b = await makePost(inst, await unrelatedHashes(6002), { statusUri: 'https://x.test/i2' });
    const second = await openCase({ ctx: { actor: systemActor }, input: { mediaId: b.mediaId ?? '' } });
    const index = await syncCaseIndex();
    const s2 = caseIndexStats();
    expect(s2.loads).toBe(1);
    expect(s2.signals > s1.signals).toBe(true);
    const bRow = await db.media.findUniqueOrThrow({ where: { id: b.mediaId ?? '' } });
    expect(index.query({ sha256: bRow.sha256, threshold: 31 }).map((h) => h.caseId)).toEqual([second.caseId]);

    // A fresh load takes only open and purging cases.
    await db.case.update({ where: { id: first.caseId }, data: { state: 'closed' } });
    resetCaseIndex();
    const fresh = await syncCaseIndex();
    const aRow = await db.media.findUniqueOrThrow({ where: { id: a.mediaId ?? '' } });
    expect(fresh.query({ sha256: aRow.sha256, threshold: 31 })).toEqual([]);
    expect(fresh.query({ sha256: bRow.sha256, threshold: 31 }).map((h) => h.caseId)).toEqual([second.caseId]);
  });

  it('takes in a signal that commits after a higher id was already read (ids are handed out at insert, not commit)', async () => {
    resetCaseIndex();
    await syncCaseIndex();
    const early = await db.case.create({ data: { title: 'slow opener', openedVia: 'cli', openedByLabel: 'system:test' } });
    const late = await db.case.create({ data: { title: 'fast opener', openedVia: 'cli', openedByLabel: 'system:test' } });
    const slowHash = 'a'.repeat(64);
    const fastHash = 'b'.repeat(64);
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => { release = r; });
    let inserted: () => void = () => {};
    const insertedYet = new Promise<void>((r) => { inserted = r; });
    // The slow transaction takes the LOWER id first and commits last.
    const slow = db.$transaction(async (tx) => {
      await tx.caseSignal.create({ data: { caseId: early.id, signalType: 'sha256', value: slowHash } });
      inserted();
      await gate;
    }, { timeout: 20_000 });
    await insertedYet;
    await db.caseSignal.create({ data: { caseId: late.id, signalType: 'sha256', value: fastHash } });
    const before = await syncCaseIndex();
    expect(before.query({ sha256: fastHash, threshold: 31 }).map((h) => h.caseId)).toEqual([late.id]);
    expect(before.query({ sha256: slowHash, threshold: 31 })).toEqual([]);
    release();
    await slow;
    const after = await syncCaseIndex();
    expect(after.query({ sha256: slowHash, threshold: 31 }).map((h) => h.caseId)).toEqual([early.id]);
  });
});
