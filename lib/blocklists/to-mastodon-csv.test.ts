import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MergedBlock } from '@/lib/blocklists/types';
import { parseBlocklist } from './parse/parse-blocklist';
import { toMastodonCsv } from './to-mastodon-csv';

const block = (o: Partial<MergedBlock> & { domain: string }): MergedBlock =>
  ({ severity: 'suspend', rejectMedia: false, rejectReports: false, publicComment: null, obfuscate: false, sourceIds: ['private-source-id'], ...o });

describe('toMastodonCsv', () => {
  it('writes the Mastodon header and sorted, escaped, formula-defused rows with public data only', () => {
    const csv = toMastodonCsv([
      block({ domain: 'z.example', severity: 'silence', publicComment: '=HYPERLINK("x")' }),
      block({ domain: 'a.example', rejectMedia: true, publicComment: 'spam, "bots"\nand more', obfuscate: true }),
    ]);
    expect(csv).toBe([
      '#domain,#severity,#reject_media,#reject_reports,#public_comment,#obfuscate',
      'a.example,suspend,true,false,"spam, ""bots""\nand more",true',
      `z.example,silence,false,false,"'=HYPERLINK(""x"")",false`,
      '',
    ].join('\r\n'));
    expect(csv).not.toContain('private-source-id');
  });

  it('round-trips through parseBlocklist: same domains, severities and flags', () => {
    const arb = fc.uniqueArray(fc.record({
      domain: fc.domain().filter((d) => d.includes('.')).map((d) => d.toLowerCase()),
      severity: fc.constantFrom('suspend', 'silence', 'noop') as fc.Arbitrary<MergedBlock['severity']>,
      rejectMedia: fc.boolean(), rejectReports: fc.boolean(), obfuscate: fc.boolean(),
      publicComment: fc.option(fc.string({ maxLength: 80 }), { nil: null }),
    }), { selector: (b) => b.domain, maxLength: 30 });
    fc.assert(fc.property(arb, (rows) => {
      const blocks = rows.map((r) => block(r));
      const parsed = parseBlocklist(toMastodonCsv(blocks), 'auto');
      expect(parsed.format).toBe('mastodon_csv');
      expect(parsed.bad).toEqual([]);
      const got = parsed.entries.map((e) => [e.domain, e.severity, e.rejectMedia, e.rejectReports, e.obfuscatedAs !== null]);
      const sorted = [...blocks].sort((a, b) => (a.domain < b.domain ? -1 : 1));
      expect(got).toEqual(sorted.map((b) => [b.domain, b.severity, b.rejectMedia, b.rejectReports, b.obfuscate]));
    }), { numRuns: 200 });
  });
});
