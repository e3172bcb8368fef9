import { describe, expect, it } from 'vitest';
import { parseHashCsv } from './parse-hash-csv';

// Synthetic values only: patterns, never hashes of real material.
const PDQ = 'a5'.repeat(32);
const PDQ2 = '5a'.repeat(32);
const MD5 = '0123456789abcdef'.repeat(2);

describe('parseHashCsv', () => {
  it('accepts hash and hash,label lines with their line numbers', () => {
    const r = parseHashCsv(`${PDQ}\n${MD5},spam\n`);
    expect(r.rejected).toEqual([]);
    expect(r.accepted).toEqual([
      { value: PDQ, label: null, line: 1, signalType: 'pdq' },
      { value: MD5, label: 'spam', line: 2, signalType: 'md5' },
    ]);
  });

  it('trims, lowercases and handles CRLF, CR and a byte-order mark', () => {
    const r = parseHashCsv(`\uFEFF  ${PDQ.toUpperCase()} , Label One \r\n${MD5.toUpperCase()}\r${PDQ2}`);
    expect(r.accepted.map((a) => [a.value, a.label, a.line])).toEqual([[PDQ, 'Label One', 1], [MD5, null, 2], [PDQ2, null, 3]]);
  });

  it('skips blank lines, # comments and a header on the first content line only', () => {
    const r = parseHashCsv(`# exported list\n\nhash,label\n${PDQ},x\n   \n# another\nhash,label\n`);
    expect(r.accepted).toEqual([{ value: PDQ, label: 'x', line: 4, signalType: 'pdq' }]);
    expect(r.rejected).toEqual([{ line: 7, text: 'hash,label', reason: 'not hex' }]);
  });

  it('accepts a header of just "hash", in any case and quoted', () => {
    expect(parseHashCsv(`HASH\n${MD5}`).accepted).toHaveLength(1);
    expect(parseHashCsv(`"hash","label"\n${MD5}`).accepted).toHaveLength(1);
  });

  it('detects md5 (32) and pdq (64) by length, or sha256 when told', () => {
    expect(parseHashCsv(`${PDQ}\n${MD5}`).accepted.map((a) => a.signalType)).toEqual(['pdq', 'md5']);
    const sha = parseHashCsv(`${PDQ}\n${MD5}`, { signal: 'sha256' });
    expect(sha.accepted.map((a) => a.signalType)).toEqual(['sha256']);
    expect(sha.rejected).toEqual([{ line: 2, text: MD5, reason: 'wrong length: 32 hex characters, sha256 needs 64' }]);
  });

  it('rejects a 64-hex line when md5 is forced, and a 32-hex line when pdq is forced', () => {
    expect(parseHashCsv(PDQ, { signal: 'md5' }).rejected[0].reason).toBe('wrong length: 64 hex characters, md5 needs 32');
    expect(parseHashCsv(MD5, { signal: 'pdq' }).rejected[0].reason).toBe('wrong length: 32 hex characters, pdq needs 64');
  });

  it('rejects non-hex and wrong lengths with reasons', () => {
    const r = parseHashCsv(`${PDQ.slice(0, 63)}g\nabc\n${PDQ}0\n0x${MD5}\n${PDQ.slice(0, 30)} ${PDQ.slice(30)}`);
    expect(r.accepted).toEqual([]);
    expect(r.rejected.map((x) => [x.line, x.reason])).toEqual([
      [1, 'not hex'],
      [2, 'wrong length: 3 hex characters (expected 32 for md5 or 64 for pdq/sha256)'],
      [3, 'wrong length: 65 hex characters (expected 32 for md5 or 64 for pdq/sha256)'],
      [4, 'not hex'],
      [5, 'not hex'],
    ]);
  });

  it('rejects a line without a hash', () => {
    expect(parseHashCsv(',label').rejected).toEqual([{ line: 1, text: ',label', reason: 'missing hash' }]);
  });

  it('rejects an all-zero PDQ hash but not an all-zero sha256 or md5', () => {
    const zeros = '0'.repeat(64);
    expect(parseHashCsv(zeros).rejected[0].reason).toMatch(/PDQ of all zeros/);
    expect(parseHashCsv(zeros, { signal: 'sha256' }).accepted).toHaveLength(1);
    expect(parseHashCsv('0'.repeat(32)).accepted).toHaveLength(1);
  });

  it('limits labels to 100 characters', () => {
    expect(parseHashCsv(`${MD5},${'x'.repeat(100)}`).accepted[0].label).toHaveLength(100);
    expect(parseHashCsv(`${MD5},${'x'.repeat(101)}`).rejected[0].reason).toBe('label too long (more than 100 characters)');
  });

  it('keeps formula-looking labels as plain text', () => {
    const labels = ['=HYPERLINK("http://x.example","click")', '+1+2', '-2', '@SUM(A1)'];
    const r = parseHashCsv(labels.map((l) => `${MD5},"${l.replace(/"/g, '""')}"`).join('\n'));
    expect(r.rejected).toEqual([]);
    expect(r.accepted.map((a) => a.label)).toEqual(labels);
  });

  it("undoes the exporter's leading quote before a formula character", () => {
    expect(parseHashCsv(`${MD5},'=1+1`).accepted[0].label).toBe('=1+1');
    expect(parseHashCsv(`${MD5},'plain`).accepted[0].label).toBe("'plain");
  });

  it('reads RFC 4180 quoted labels with commas and quotes, and refuses unquoted extra columns', () => {
    expect(parseHashCsv(`${MD5},"a, ""b"""`).accepted[0].label).toBe('a, "b"');
    expect(parseHashCsv(`${MD5},"unterminated`).rejected[0].reason).toBe('malformed quoted label');
    expect(parseHashCsv(`${MD5},a,b`).rejected[0].reason).toMatch(/too many columns/);
  });

  it('treats an empty label as none', () => {
    expect(parseHashCsv(`${MD5},\n${MD5}, ""`).accepted.map((a) => a.label)).toEqual([null, null]);
  });

  it('rejects labels with control characters and shows rejected text without them, truncated', () => {
    const r = parseHashCsv(`${MD5},a\u0000b\n${'z'.repeat(500)}\n\u001b[31mred`);
    expect(r.rejected[0]).toMatchObject({ line: 1, reason: 'label contains control characters' });
    expect(r.rejected[0].text).not.toContain('\u0000');
    expect(r.rejected[1].text).toHaveLength(121);
    expect(r.rejected[1].text.endsWith('…')).toBe(true);
    expect(r.rejected[2].text).toBe('?[31mred');
  });

  it('allows a tab inside a label', () => {
    expect(parseHashCsv(`${MD5},a\tb`).accepted[0].label).toBe('a\tb');
  });

  it('keeps duplicates within the file (the import counts them)', () => {
    expect(parseHashCsv(`${MD5}\n${MD5}`).accepted).toHaveLength(2);
  });

  it('returns nothing for an empty or comment-only file', () => {
    expect(parseHashCsv('')).toEqual({ accepted: [], rejected: [] });
    expect(parseHashCsv('# nothing\n\n')).toEqual({ accepted: [], rejected: [] });
  });
});
