import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectFormat } from './detect-format';
import { parseBlocklist } from './parse-blocklist';

const MASTODON_EXPORT = [
  '#domain,#severity,#reject_media,#reject_reports,#public_comment,#obfuscate',
  'spam.example,suspend,true,true,Spam wave,false',
  'loud.example,silence,false,false,"Harassment, repeated",false',
  'media.example,noop,true,false,,false',
  'hidden.example,suspend,false,false,,true',
].join('\n');

describe('parseBlocklist: Mastodon CSV', () => {
  it('reads every column of an export', () => {
    const r = parseBlocklist(MASTODON_EXPORT, 'auto');
    expect(r.format).toBe('mastodon_csv');
    expect(r.bad).toEqual([]);
    expect(r.entries).toEqual([
      { domain: 'spam.example', severity: 'suspend', rejectMedia: true, rejectReports: true, publicComment: 'Spam wave', wildcard: false, obfuscatedAs: null, line: 2 },
      { domain: 'loud.example', severity: 'silence', rejectMedia: false, rejectReports: false, publicComment: 'Harassment, repeated', wildcard: false, obfuscatedAs: null, line: 3 },
      { domain: 'media.example', severity: 'noop', rejectMedia: true, rejectReports: false, publicComment: null, wildcard: false, obfuscatedAs: null, line: 4 },
      { domain: 'hidden.example', severity: 'suspend', rejectMedia: false, rejectReports: false, publicComment: null, wildcard: false, obfuscatedAs: 'hidd**.****ple', line: 5 },
    ]);
  });

  it('lists the bad lines and still takes the good ones', () => {
    const text = [
      '#domain,#severity,#reject_media,#reject_reports,#public_comment,#obfuscate',
      'good.example,suspend,false,false,,false',
      'bad domain.example,suspend,false,false,,false',
      'other.example,obliterate,false,false,,false',
      'third.example,silence,maybe,false,,false',
      ',suspend',
      'fine.example,silence,false,false,,false',
    ].join('\r\n');
    const r = parseBlocklist(text, 'auto');
    expect(r.entries.map((e) => [e.domain, e.line])).toEqual([['good.example', 2], ['fine.example', 7]]);
    expect(r.bad.map((b) => [b.line, b.error])).toEqual([
      [3, expect.stringMatching(/characters/)],
      [4, expect.stringMatching(/severity/)],
      [5, expect.stringMatching(/reject_media/)],
      [6, 'no domain'],
    ]);
    expect(r.bad[0].text).toBe('bad domain.example,suspend,false,false,,false');
  });

  it('reads bare column names in any order and never keeps a private comment', () => {
    const text = 'domain,private_comment,severity,public_comment\nx.example,secret note,silence,public note\n';
    const r = parseBlocklist(text, 'auto');
    expect(r.entries).toEqual([expect.objectContaining({ domain: 'x.example', severity: 'silence', publicComment: 'public note' })]);
    expect(JSON.stringify(r)).not.toContain('secret');
  });

  it('reads the older headerless domain,severity form, a missing severity meaning suspend', () => {
    const r = parseBlocklist('a.example,silence\nb.example,\nc.example,suspend,true\n', 'auto');
    expect(r.format).toBe('mastodon_csv');
    expect(r.entries.map((e) => [e.domain, e.severity, e.rejectMedia])).toEqual([['a.example', 'silence', false], ['b.example', 'suspend', false], ['c.example', 'suspend', true]]);
  });

  it('keeps a quoted newline in a comment and counts lines as an editor does', () => {
    const r = parseBlocklist('#domain,#severity,#public_comment\na.example,suspend,"two\nlines"\nb.example,silence,\n', 'auto');
    expect(r.entries.map((e) => [e.domain, e.line, e.publicComment])).toEqual([['a.example', 2, 'two\nlines'], ['b.example', 4, null]]);
  });

  it('does not let a stray quote swallow the rest of the list', () => {
    const r = parseBlocklist('#domain,#severity,#public_comment\na.example,suspend,"never closed\nb.example,silence,\nc.example,suspend,\n', 'auto');
    expect(r.bad).toEqual([expect.objectContaining({ line: 2, error: 'a quote is never closed' })]);
    expect(r.entries.map((e) => e.domain)).toEqual(['b.example', 'c.example']);
  });

  it('takes wildcards as the domain and records obfuscated names for resolving', () => {
    const r = parseBlocklist('*.wild.example,suspend\nex*mple.com,silence,false,false,obfuscated\n', 'mastodon_csv');
    expect(r.entries).toEqual([expect.objectContaining({ domain: 'wild.example', wildcard: true })]);
    expect(r.obfuscated).toEqual([{ pattern: 'ex*mple.com', digest: null, severity: 'silence', rejectMedia: false, rejectReports: false, publicComment: 'obfuscated', line: 2 }]);
  });

  it('gives one entry per domain, the strongest reading winning', () => {
    const r = parseBlocklist('a.example,silence,true\n*.a.example,suspend\nA.example.,noop,false,true\n', 'auto');
    expect(r.entries).toEqual([{ domain: 'a.example', severity: 'suspend', rejectMedia: true, rejectReports: true, publicComment: null, wildcard: true, obfuscatedAs: null, line: 1 }]);
  });
});

describe('parseBlocklist: plain', () => {
  it('reads one domain per line with comments, blanks and a BOM', () => {
    const r = parseBlocklist('\uFEFF# a list\n\nspam.example\n  *.wild.example  # whole zone\nHTTPS://pasted.example/\nnot a domain\n', 'auto');
    expect(r.format).toBe('plain');
    expect(r.entries.map((e) => [e.domain, e.severity, e.wildcard, e.line])).toEqual([
      ['spam.example', 'suspend', false, 3], ['wild.example', 'suspend', true, 4], ['pasted.example', 'suspend', false, 5],
    ]);
    expect(r.bad).toEqual([{ line: 6, text: 'not a domain', error: expect.any(String) }]);
  });

  it('refuses lines over 1,000 characters', () => {
    const r = parseBlocklist(`${'a'.repeat(1001)}.example\nok.example\n`, 'plain');
    expect(r.bad).toEqual([expect.objectContaining({ line: 1, error: 'longer than 1000 characters' })]);
    expect(r.bad[0].text).toHaveLength(200);
    expect(r.entries.map((e) => e.domain)).toEqual(['ok.example']);
  });

  it('reads 200,000 entries and reports how many more were dropped', () => {
    const lines = Array.from({ length: 200_005 }, (_, i) => `d${i}.example`);
    const r = parseBlocklist(lines.join('\n'), 'plain');
    expect(r.entries).toHaveLength(200_000);
    expect(r.bad).toEqual([{ line: 200_001, text: '', error: expect.stringMatching(/^5 more entries dropped/) }]);
  });
});

describe('parseBlocklist: Mastodon public JSON', () => {
  it('reads blocks, keeps obfuscated ones with their digest, and lists bad items', () => {
    const digest = createHash('sha256').update('hidden.example').digest('hex');
    const json = JSON.stringify([
      { domain: 'spam.example', digest: 'x', severity: 'suspend', comment: 'Spam' },
      { domain: 'loud.example', severity: 'silence', comment: null },
      { domain: 'hid***.example', digest, severity: 'suspend', comment: '' },
      { domain: 42 },
      'nope',
      { domain: 'x.example', severity: 'explode' },
    ]);
    const r = parseBlocklist(json, 'auto');
    expect(r.format).toBe('mastodon_json');
    expect(r.entries.map((e) => [e.domain, e.severity, e.publicComment, e.line])).toEqual([['spam.example', 'suspend', 'Spam', 1], ['loud.example', 'silence', null, 2]]);
    expect(r.obfuscated).toEqual([expect.objectContaining({ pattern: 'hid***.example', digest, line: 3 })]);
    expect(r.bad.map((b) => [b.line, b.error])).toEqual([[4, 'no domain'], [5, 'not an object'], [6, expect.stringMatching(/severity/)]]);
  });

  it('reports a file that is not a JSON array as one bad line', () => {
    expect(parseBlocklist('[{"domain": "a.example"', 'mastodon_json').bad).toEqual([expect.objectContaining({ line: 1, error: 'not valid JSON' })]);
    expect(parseBlocklist('{"domain": "a.example"}', 'auto').bad).toEqual([expect.objectContaining({ error: expect.stringMatching(/array/) })]);
  });
});

describe('detectFormat', () => {
  it.each([
    ['[{"domain":"a.example"}]', 'mastodon_json'],
    ['#domain,#severity\na.example,suspend', 'mastodon_csv'],
    ['domain,severity\na.example,suspend', 'mastodon_csv'],
    ['# comment, with a comma\na.example,suspend', 'mastodon_csv'],
    ['# comment, with a comma\na.example\nb.example', 'plain'],
    ['', 'plain'],
  ])('%j is %s', (text, format) => expect(detectFormat(text)).toBe(format));
});

describe('parseBlocklist properties', () => {
  const formats = fc.constantFrom('auto', 'mastodon_csv', 'plain', 'mastodon_json') as fc.Arbitrary<'auto' | 'mastodon_csv' | 'plain' | 'mastodon_json'>;
  const nasty = fc.oneof(
    fc.string({ unit: 'binary' }),
    fc.array(fc.oneof(fc.constantFrom('\u0000', '\r\n', '\n', '\r', '\uFEFF', '"', ',', '#', '*', '.', '[', '{', 'a.example', 'ex*mple.com', 'suspend', 'true'), fc.string()), { maxLength: 60 }).map((p) => p.join('')),
    fc.integer({ min: 900, max: 3000 }).map((n) => `"${'x'.repeat(n)}\na.example,suspend`),
  );

  it('never throws, and every bad line and entry points at a line that exists', () => {
    fc.assert(fc.property(nasty, formats, (text, format) => {
      const r = parseBlocklist(text, format);
      const lineCount = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/).length;
      for (const x of [...r.entries, ...r.obfuscated, ...r.bad]) {
        expect(x.line).toBeGreaterThanOrEqual(1);
        if (r.format !== 'mastodon_json') expect(x.line).toBeLessThanOrEqual(lineCount);
      }
      for (const b of r.bad) expect(b.text.length).toBeLessThanOrEqual(200);
      // eslint-disable-next-line no-control-regex
      for (const b of r.bad) expect(b.text).not.toMatch(/[\u0000-\u001f]/);
      for (const e of r.entries) expect(e.domain).toMatch(/^[a-z0-9.\-[\]:]+$/);
    }), { numRuns: 500 });
  });

  it('makes every non-blank, non-comment line of a plain list an entry or a bad line', () => {
    const line = fc.oneof(fc.domain(), fc.string({ unit: 'binary' }).filter((s) => !/[\r\n]/.test(s)), fc.constant(''), fc.constant('# c'));
    fc.assert(fc.property(fc.array(line, { maxLength: 40 }), fc.constantFrom('\n', '\r\n'), (lines, eol) => {
      const r = parseBlocklist(lines.join(eol), 'plain');
      const seen = new Set([...r.bad.map((b) => b.line), ...r.obfuscated.map((o) => o.line)]);
      const entryLines = new Set(r.entries.map((e) => e.line));
      const domains = new Set(r.entries.map((e) => e.domain));
      lines.forEach((l, i) => {
        const t = l.trim();
        if (t === '' || t.startsWith('#') || (i === 0 && t.startsWith('\uFEFF'))) return;
        // A repeated domain lands once, on its first line.
        const landed = entryLines.has(i + 1) || seen.has(i + 1) || [...domains].some((d) => t.toLowerCase().replace(/\s+#.*$/, '').replace(/^\*\./, '').replace(/\.$/, '') === d);
        expect(landed, `line ${i + 1}: ${JSON.stringify(l)}`).toBe(true);
      });
    }), { numRuns: 300 });
  });
});
