import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ObfuscatedEntry } from '@/lib/blocklists/types';
import { resolveObfuscated } from './resolve-obfuscated';

const ob = (pattern: string, digest: string | null = null, line = 1): ObfuscatedEntry =>
  ({ pattern, digest, severity: 'suspend', rejectMedia: true, rejectReports: false, publicComment: 'why', line });
const sha = (s: string) => createHash('sha256').update(s).digest('hex');
const KNOWN = ['example.com', 'exemple.com', 'bad.example', 'other.test', 'social.bad.example', 'Upper.Example.'];

describe('resolveObfuscated', () => {
  it('resolves a pattern matching exactly one known domain, keeping the pattern', () => {
    const { resolved, unresolved } = resolveObfuscated([ob('b*d.example', null, 4)], KNOWN);
    expect(unresolved).toEqual([]);
    expect(resolved).toEqual([{ domain: 'bad.example', severity: 'suspend', rejectMedia: true, rejectReports: false, publicComment: 'why', wildcard: false, obfuscatedAs: 'b*d.example', line: 4 }]);
  });

  it('lets * stand for any run of characters, not only one', () => {
    expect(resolveObfuscated([ob('o*t')], KNOWN).resolved.map((r) => r.domain)).toEqual(['other.test']);
    expect(resolveObfuscated([ob('up***ample')], KNOWN).resolved.map((r) => r.domain)).toEqual(['upper.example']);
  });

  it('leaves unresolved what matches nothing or several', () => {
    const { resolved, unresolved } = resolveObfuscated([ob('ex*mple.com'), ob('nothing*.here'), ob('*')], KNOWN);
    expect(resolved).toEqual([]);
    expect(unresolved.map((u) => u.pattern)).toEqual(['ex*mple.com', 'nothing*.here', '*']);
  });

  it('resolves by digest when the list gives one, whatever the pattern suggests', () => {
    const { resolved, unresolved } = resolveObfuscated([ob('ex*mple.com', sha('exemple.com')), ob('ex*mple.com', sha('unknown.example'))], KNOWN);
    expect(resolved.map((r) => [r.domain, r.obfuscatedAs])).toEqual([['exemple.com', 'ex*mple.com']]);
    expect(unresolved).toHaveLength(1);
  });

  it('stays fast on many patterns against many known domains', () => {
    const known = Array.from({ length: 200_000 }, (_, i) => `host${i}.example-${i % 97}.test`);
    const patterns = Array.from({ length: 2000 }, (_, i) => ob(`host${i * 37}.ex*-${(i * 37) % 97}.test`));
    const t = performance.now();
    const { resolved } = resolveObfuscated(patterns, known);
    expect(resolved).toHaveLength(2000);
    // A scan of every known domain per pattern would take minutes; the generous bound survives a loaded machine.
    expect(performance.now() - t).toBeLessThan(15_000);
  });
});
