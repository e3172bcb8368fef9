import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, canonicalJson, hashEvent, verifyRows } from './chain';

function row(seq: number, prevHash: string, action = 'test.event') {
  const f = { seq, at: new Date(1_700_000_000_000 + seq), actorType: 'system', actorId: null, actorLabel: 'system:test', action, targetType: null, targetId: null, instanceId: null, details: { b: 1, a: [1, 2] }, ip: null, prevHash };
  return { ...f, hash: hashEvent(f) };
}

describe('audit chain', () => {
  it('canonical JSON sorts keys at every depth', () => {
    expect(canonicalJson({ b: 1, a: { d: 1, c: 2 } })).toBe('{"a":{"c":2,"d":1},"b":1}');
  });

  it('verifies an intact chain and names the first changed row', () => {
    const r1 = row(1, GENESIS_HASH);
    const r2 = row(2, r1.hash);
    const r3 = row(3, r2.hash);
    expect(verifyRows([r1, r2, r3]).ok).toBe(true);
    const tampered = { ...r2, action: 'something.else' };
    const out = verifyRows([r1, tampered, r3]);
    expect(out.ok).toBe(false);
    expect(out.firstBroken?.seq).toBe('2');
  });

  it('detects a removed row by the broken link', () => {
    const r1 = row(1, GENESIS_HASH);
    const r2 = row(2, r1.hash);
    const r3 = row(3, r2.hash);
    const out = verifyRows([r1, r3]);
    expect(out.firstBroken?.seq).toBe('3');
    expect(out.firstBroken?.reason).toMatch(/previous hash/);
  });
});
