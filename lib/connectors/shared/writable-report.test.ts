import { describe, expect, it } from 'vitest';
import type { RemoteReport } from '../types';
import { writableViolations } from './check-writable';
import { skipItem } from './report-items';
import { remoteIdSchema, requiredDate, toIsoDate } from './remote-schemas';
import { safeId } from './parse-remote';
import { LIMITS, toWritableReport } from './writable-report';

const account = { remoteId: '1', username: 'u', acct: 'u', displayName: 'U', url: null, avatarUrl: null, domain: null };
const report: RemoteReport = {
  remoteId: '9', category: 'spam', comment: 'hi', createdAt: '2026-01-01T00:00:00Z', updatedAt: null, resolved: false, resolvedAt: null,
  forwarded: false, reporter: null, target: account, assignee: null, rules: [],
  statuses: [{
    remoteId: 's', url: null, uri: null, contentHtml: '<p>x</p>', spoilerText: '', sensitive: false, visibility: null, createdAt: 'junk',
    media: [{ remoteId: 'm', type: 'image', url: `https://x.example/${'a'.repeat(LIMITS.url)}`, previewUrl: null, remoteUrl: null, description: null }],
  }],
};

describe('toWritableReport (contract I5)', () => {
  it('strips NUL and other C0 controls but keeps tab, newline and CR; caps text; drops unfetchable media', () => {
    const w = toWritableReport({ ...report, comment: `a\u0000b\u0007c\td\ne\rf${'z'.repeat(20_000)}`, target: { ...account, displayName: '\ud800x' } });
    expect(w.ok).toBe(true);
    if (!w.ok) return;
    expect(w.report.comment.startsWith('abc\td\ne\rf')).toBe(true);
    expect(w.report.comment).toHaveLength(LIMITS.comment);
    expect(w.report.target.displayName).toBe('\ufffdx');
    expect(w.report.createdAt).toBe('2026-01-01T00:00:00.000Z');
    expect(w.report.statuses[0].createdAt).toBeNull();
    expect(w.report.statuses[0].media).toEqual([]);
    expect(writableViolations(w.report)).toEqual([]);
  });

  it('refuses a report whose createdAt is not a date', () => {
    expect(toWritableReport({ ...report, createdAt: 'yesterday' })).toEqual({ ok: false, error: 'createdAt: not a date' });
  });

  it('keeps undefined account flags undefined (contract I1)', () => {
    const w = toWritableReport(report);
    expect(w.ok && w.report.target.suspended).toBeUndefined();
    expect(w.ok && 'createdAt' in w.report.target).toBe(false);
  });
});

describe('shared remote schemas', () => {
  it('one id rule: whatever the list schema accepts, safeId accepts', () => {
    for (const id of ['1', 42, '01HZY', 'a_b-c', 'x'.repeat(64)]) expect(safeId(remoteIdSchema.parse(id))).toBe(String(id));
    for (const id of ['', 'a b', '1.5', '../x', 'x'.repeat(65), -1, 1.5, 2 ** 60, null, {}]) expect(remoteIdSchema.safeParse(id).success).toBe(false);
  });

  it('dates are real dates within years 1-9999', () => {
    expect(toIsoDate('2026-02-30T00:00:00Z')).toBeNull();
    expect(toIsoDate('+275760-09-13T00:00:00.000Z')).toBeNull();
    expect(toIsoDate(1_780_000_000_000)).toBe('2026-05-28T20:26:40.000Z');
    expect(requiredDate.safeParse('soon').success).toBe(false);
  });

  it('skip reasons are one short line and raw JSON is storable', () => {
    const s = skipItem('a\u0000b', `line one\nline two ${'x'.repeat(1000)}`, { c: 'x\u0000y', '\u0000k': [1, Infinity] });
    expect(s.error).not.toMatch(/\n/);
    expect(s.error.length).toBeLessThanOrEqual(300);
    expect(s.remoteId).toBe('a b');
    expect(JSON.stringify(s.raw)).not.toContain('\\u0000');
  });
});
