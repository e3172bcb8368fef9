/** Folding and comparing a source's entries (pure): properties over random lists, and the fold rules by example. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareEntries, foldEntries, type EntryData } from './entry-changes';

const entry = fc.record({
  domain: fc.constantFrom('a.example', 'b.example', 'c.example', 'd.example', 'e.example'),
  severity: fc.constantFrom('noop' as const, 'silence' as const, 'suspend' as const),
  rejectMedia: fc.boolean(),
  rejectReports: fc.boolean(),
  publicComment: fc.option(fc.constantFrom('spam', 'abuse'), { nil: null }),
  wildcard: fc.boolean(),
  obfuscatedAs: fc.option(fc.constant('a*.example'), { nil: null }),
});

describe('compareEntries', () => {
  it('added + kept = after, removed + kept = before, and nothing changes against itself', () => {
    fc.assert(fc.property(fc.array(entry), fc.array(entry), (xs, ys) => {
      const before = foldEntries(xs);
      const after = foldEntries(ys);
      const { added, removed, changed } = compareEntries(before, after);
      const kept = [...after.keys()].filter((d) => before.has(d));
      expect([...added.map((e) => e.domain), ...kept].sort()).toEqual([...after.keys()].sort());
      expect([...removed, ...kept].sort()).toEqual([...before.keys()].sort());
      for (const c of changed) expect(before.has(c.domain) && after.has(c.domain)).toBe(true);
      expect(compareEntries(after, foldEntries(ys))).toEqual({ added: [], removed: [], changed: [] });
    }));
  });

  it('folding is independent of line order for severity and flags', () => {
    fc.assert(fc.property(fc.array(entry), (xs) => {
      const pick = (m: Map<string, EntryData>) => [...m.values()].map((e) => [e.domain, e.severity, e.rejectMedia, e.rejectReports, e.wildcard]).sort();
      expect(pick(foldEntries([...xs].reverse()))).toEqual(pick(foldEntries(xs)));
    }));
  });

  it('keeps the strongest severity, ORs flags, keeps the first comment, prefers the plain listing', () => {
    const base = { rejectMedia: false, rejectReports: false, wildcard: false };
    const m = foldEntries([
      { ...base, domain: 'x.example', severity: 'silence', publicComment: null, obfuscatedAs: 'x*.example' },
      { ...base, domain: 'x.example', severity: 'suspend', publicComment: 'first', obfuscatedAs: null, rejectMedia: true },
      { ...base, domain: 'x.example', severity: 'noop', publicComment: 'second', obfuscatedAs: null, wildcard: true },
    ]);
    expect(m.get('x.example')).toEqual({ domain: 'x.example', severity: 'suspend', rejectMedia: true, rejectReports: false, publicComment: 'first', wildcard: true, obfuscatedAs: null });
  });
});
