import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, KEYED_CHAIN, LEGACY_CHAIN, canonicalJson, hashEvent, macEvent, verifyRows, type ChainRow } from './chain';

const key = Buffer.alloc(32, 7);
const otherKey = Buffer.alloc(32, 8);

function fields(seq: number, prevHash: string, action = 'test.event') {
  return { seq, at: new Date(1_700_000_000_000 + seq), actorType: 'system', actorId: null, actorLabel: 'system:test', action, targetType: null, targetId: null, instanceId: null, details: { b: 1, a: [1, 2] }, ip: null, prevHash };
}
const legacy = (seq: number, prev: string, action?: string): ChainRow => {
  const f = fields(seq, prev, action);
  return { ...f, hash: hashEvent(f), chainVersion: LEGACY_CHAIN };
};
const keyed = (seq: number, prev: string, k = key, action?: string): ChainRow => {
  const f = fields(seq, prev, action);
  return { ...f, hash: macEvent(f, k), chainVersion: KEYED_CHAIN };
};

describe('audit chain', () => {
  it('canonical JSON sorts keys at every depth', () => {
    expect(canonicalJson({ b: 1, a: { d: 1, c: 2 } })).toBe('{"a":{"c":2,"d":1},"b":1}');
  });

  it('verifies an intact chain and names the first changed row', () => {
    const r1 = keyed(1, GENESIS_HASH);
    const r2 = keyed(2, r1.hash);
    const r3 = keyed(3, r2.hash);
    expect(verifyRows([r1, r2, r3], key).ok).toBe(true);
    const out = verifyRows([r1, { ...r2, action: 'something.else' }, r3], key);
    expect(out.ok).toBe(false);
    expect(out.firstBroken?.seq).toBe('2');
  });

  it('detects a removed row by the broken link', () => {
    const r1 = keyed(1, GENESIS_HASH);
    const r2 = keyed(2, r1.hash);
    const r3 = keyed(3, r2.hash);
    const out = verifyRows([r1, r3], key);
    expect(out.firstBroken?.seq).toBe('3');
    expect(out.firstBroken?.reason).toMatch(/previous hash/);
  });

  it('accepts legacy rows before keyed ones, and refuses a legacy row after them', () => {
    const r1 = legacy(1, GENESIS_HASH);
    const r2 = keyed(2, r1.hash);
    expect(verifyRows([r1, r2], key).ok).toBe(true);
    const forged = legacy(3, r2.hash, 'evil');
    const out = verifyRows([r1, r2, forged], key);
    expect(out.firstBroken).toMatchObject({ seq: '3', reason: expect.stringMatching(/unkeyed/) });
  });

  it('refuses keyed rows made with another key, across pages too', () => {
    const r1 = keyed(1, GENESIS_HASH);
    const page1 = verifyRows([r1], key);
    expect(page1.ok).toBe(true);
    const r2 = keyed(2, r1.hash, otherKey);
    expect(verifyRows([r2], key, page1.state).firstBroken?.seq).toBe('2');
  });
});
