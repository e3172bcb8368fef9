/**
 * The two adapters against their fakes over real HTTP (through the shared RemoteHttp client), and their answer
 * parsers under garbage: a hostile or broken service can only ever produce an AppError, never a crash or a hit
 * for a hash we did not ask about.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '@/lib/errors';
import { createCloudAdapter, parseCloudMatches } from '@/lib/matchers/cloud/adapter';
import { createHmaAdapter, parseHmaLookup } from '@/lib/matchers/hma/adapter';
import type { HashQuery } from '@/lib/matchers/types';
import { flipBits, md5Of, randomHash, rng } from '@/lib/matching/test-hashes';
import { startFakeHma, type FakeHma } from '@/e2e/fakes/hma/server';
import { startFakeHashCloud, type FakeHashCloud } from '@/e2e/fakes/hash-cloud/server';

const next = rng(14);
const PDQ = randomHash(next);
const MD5 = md5Of(1414);
const KEY = 'k3y-for-the-fake-cloud';
let hma: FakeHma;
let cloud: FakeHashCloud;
const cfg = (baseUrl: string, key: string | null, timeoutMs = 1500) => ({ baseUrl, key, fetch: globalThis.fetch, timeoutMs });

beforeAll(async () => {
  hma = await startFakeHma({ banks: { alpha: [PDQ], beta: [MD5, flipBits(PDQ, 40)] } });
  cloud = await startFakeHashCloud({ key: KEY, banks: { 'list-a': [PDQ, MD5] }, labels: { 'list-a': 'test-label' } });
});
afterAll(async () => { await Promise.all([hma.close(), cloud.close()]); });

describe('HMA adapter', () => {
  it('looks each hash up by signal type and value only, and names the bank', async () => {
    const a = createHmaAdapter(cfg(hma.url, null));
    const hits = await a.lookup([{ signalType: 'pdq', value: flipBits(PDQ, 5) }, { signalType: 'md5', value: MD5 }]);
    expect(hits).toEqual([
      { signalType: 'pdq', value: flipBits(PDQ, 5), bank: 'alpha', matchLabel: null, distance: 5 },
      { signalType: 'md5', value: MD5, bank: 'beta', matchLabel: null, distance: 0 },
    ]);
    expect(hma.state.records.map((r) => r.query)).toEqual([
      { signal_type: 'pdq', signal: flipBits(PDQ, 5) }, { signal_type: 'video_md5', signal: MD5 },
    ]);
    expect(await a.check()).toMatchObject({ ok: true });
  });

  it('maps an outage and a hang to AppErrors within the timeout', async () => {
    const a = createHmaAdapter(cfg(hma.url, null, 400));
    hma.state.mode = '500';
    await expect(a.lookup([{ signalType: 'pdq', value: PDQ }])).rejects.toMatchObject({ code: 'remote_error' });
    expect(await a.check()).toMatchObject({ ok: false });
    hma.state.mode = 'hang';
    const started = Date.now();
    await expect(a.lookup([{ signalType: 'pdq', value: PDQ }])).rejects.toMatchObject({ code: 'remote_unreachable' });
    expect(Date.now() - started).toBeLessThan(1_500);
    hma.state.mode = 'ok';
  });
});

describe('cloud adapter', () => {
  it('posts only type/value pairs with the key header and reads the lists', async () => {
    const a = createCloudAdapter(cfg(cloud.url, KEY));
    const hits = await a.lookup([{ signalType: 'pdq', value: PDQ }, { signalType: 'md5', value: MD5 }]);
    expect(hits).toEqual([
      { signalType: 'pdq', value: PDQ, bank: 'list-a', matchLabel: 'test-label', distance: 0 },
      { signalType: 'md5', value: MD5, bank: 'list-a', matchLabel: 'test-label', distance: 0 },
    ]);
    const rec = cloud.state.records.at(-1)!;
    expect(JSON.parse(rec.body)).toEqual({ hashes: [{ type: 'pdq', value: PDQ }, { type: 'md5', value: MD5 }] });
    expect(rec.headers['ocp-apim-subscription-key']).toBe(KEY);
    expect(await a.check()).toMatchObject({ ok: true });
  });

  it('a wrong key is unauthorized, and the key never appears in the error', async () => {
    const a = createCloudAdapter(cfg(cloud.url, 'wrong-key-value'));
    const err = await a.lookup([{ signalType: 'md5', value: MD5 }]).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'unauthorized' });
    expect(JSON.stringify({ m: (err as Error).message, u: (err as { userMessage: string }).userMessage })).not.toContain('wrong-key-value');
    expect(await a.check()).toMatchObject({ ok: false });
  });
});

describe('answer parsers under garbage', () => {
  const sent: HashQuery[] = [{ signalType: 'pdq', value: PDQ }, { signalType: 'md5', value: MD5 }];
  const onlyAppErrors = (f: () => unknown) => {
    try {
      const out = f() as { value: string; distance: number }[];
      for (const h of out) {
        expect(sent.map((s) => s.value)).toContain(h.value);
        expect(h.distance).toBeGreaterThanOrEqual(0);
        expect(h.distance).toBeLessThanOrEqual(256);
      }
    } catch (e) {
      expect(isAppError(e)).toBe(true);
    }
  };

  it('HMA lookups: any JSON gives hits or an AppError', () => {
    fc.assert(fc.property(fc.jsonValue(), fc.constantFrom(...sent), (json, q) => onlyAppErrors(() => parseHmaLookup(json, q))), { numRuns: 500 });
    const bankish = fc.dictionary(fc.string(), fc.array(fc.record({ bank_content_id: fc.oneof(fc.integer(), fc.string()), distance: fc.oneof(fc.string(), fc.integer(), fc.double()) }, { requiredKeys: [] })));
    fc.assert(fc.property(bankish, fc.constantFrom(...sent), (json, q) => onlyAppErrors(() => parseHmaLookup(json, q))), { numRuns: 500 });
  });

  it('cloud answers: any JSON gives hits for sent hashes only, or an AppError', () => {
    const item = fc.record({
      type: fc.constantFrom('pdq', 'md5', 'sha1', ''), value: fc.oneof(fc.constantFrom(PDQ, MD5, PDQ.toUpperCase()), fc.string()),
      list: fc.string(), label: fc.option(fc.string()), distance: fc.oneof(fc.integer(), fc.double(), fc.constant(null)), extra: fc.anything(),
    }, { requiredKeys: [] });
    fc.assert(fc.property(fc.oneof(fc.jsonValue(), fc.record({ matches: fc.array(item) })), (json) => onlyAppErrors(() => parseCloudMatches(json, sent))), { numRuns: 800 });
  });

  it('a malformed answer is remote_error, a malformed item is skipped', () => {
    expect(() => parseHmaLookup([1, 2], sent[0])).toThrow(expect.objectContaining({ code: 'remote_error' }));
    expect(() => parseCloudMatches({ nope: [] }, sent)).toThrow(expect.objectContaining({ code: 'remote_error' }));
    expect(parseHmaLookup({ good: [{ bank_content_id: 1, distance: '3' }], bad: [{ distance: 'x' }] }, sent[0]).map((h) => h.bank)).toEqual(['good']);
    expect(parseCloudMatches({ matches: [{ type: 'md5', value: MD5, list: 'x', unknown: 1 }, { type: 'md5' }, { type: 'md5', value: md5Of(1), list: 'y' }] }, sent).map((h) => h.bank)).toEqual(['x']);
  });
});
