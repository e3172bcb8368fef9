/**
 * The manifest hash must survive the database: Postgres jsonb reorders keys (and re-renders numbers), so the hash
 * is over canonical JSON. Property: for any JSON value, its canonical form (and so the hash) is the same before and
 * after a jsonb round trip through the real Postgres, and independent of key order.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { canonicalJson, manifestHash } from '@/lib/evidence/canonical-json';
import { evidenceReason } from '@/lib/evidence/evidence-access';

// Postgres text and jsonb cannot hold NUL; sealing never puts one in a manifest (reasons are cleaned).
const storable = fc.jsonValue({ maxDepth: 3 }).filter((v) => !JSON.stringify(v).includes('\\u0000'));

function shuffleKeys(v: unknown, seed: number): unknown {
  if (Array.isArray(v)) return v.map((x) => shuffleKeys(x, seed));
  if (v === null || typeof v !== 'object') return v;
  const entries = Object.entries(v);
  const rotated = entries.length ? [...entries.slice(seed % entries.length), ...entries.slice(0, seed % entries.length)].reverse() : entries;
  return Object.fromEntries(rotated.map(([k, x]) => [k, shuffleKeys(x, seed + 1)]));
}

describe('canonical manifest JSON', () => {
  it('hash is stable across a jsonb round trip and key order', async () => {
    await fc.assert(fc.asyncProperty(storable, fc.nat(50), async (value, seed) => {
      const rows = await db.$queryRaw<{ v: unknown }[]>`select ${JSON.stringify({ m: value })}::jsonb as v`;
      const back = rows[0].v;
      expect(canonicalJson(back)).toBe(canonicalJson({ m: value }));
      expect(manifestHash(shuffleKeys({ m: value }, seed))).toBe(manifestHash({ m: value }));
    }), { numRuns: 150 });
  });

  it('has no whitespace and sorts keys', () => {
    expect(canonicalJson({ b: [1, { d: 'é', c: null }], a: true })).toBe('{"a":true,"b":[1,{"c":null,"d":"é"}]}');
  });

  it('reasons drop NUL and must be 3..500 characters', () => {
    expect(evidenceReason('  for\u0000 court  ')).toBe('for court');
    expect(() => evidenceReason('ab')).toThrow(/3\.\.500/);
    expect(() => evidenceReason('x'.repeat(501))).toThrow(/3\.\.500/);
  });
});
