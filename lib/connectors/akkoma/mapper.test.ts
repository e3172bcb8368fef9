import { describe, expect, it } from 'vitest';
import { akkomaReportSchema } from './api-types';
import { mapAccount, mapReport } from './mapper';
import { remoteErrorText } from './remote-error';

const TOKEN = 'tok-abc123';
const account = (nickname: string, extra: Record<string, unknown> = {}) => ({
  id: `id-${nickname}`, username: nickname.split('@')[0], acct: nickname, nickname, ...extra,
});

describe('akkoma mapper (pure)', () => {
  it('uses the nickname as remoteId and reads state from tags and is_active', () => {
    const a = akkomaReportSchema.shape.account.parse(
      account('bob@remote.example', { tags: ['mrf_tag:force-unlisted'], is_active: false, unknown_field: 1 }),
    );
    expect(mapAccount(a)).toMatchObject({
      remoteId: 'bob@remote.example', domain: 'remote.example', silenced: true, sensitized: false, disabled: true,
    });
    expect(mapAccount(a).suspended).toBeUndefined();
  });

  it('leaves states the payload does not carry unknown instead of false (contract I1)', () => {
    const bare = mapAccount(akkomaReportSchema.shape.account.parse(account('carol')));
    expect(bare).toMatchObject({ remoteId: 'carol' });
    for (const flag of ['suspended', 'silenced', 'sensitized', 'disabled'] as const) expect(bare[flag]).toBeUndefined();
    expect(mapAccount(akkomaReportSchema.shape.account.parse(account('dan', { deactivated: false }))).disabled).toBe(false);
  });

  it('skips a report whose created_at is not a date and reads a bad note date as unknown', () => {
    const bad = akkomaReportSchema.safeParse({ id: 'RP2', state: 'open', account: account('bob'), created_at: 'yesterday' });
    expect(bad.success).toBe(false);
    const ok = akkomaReportSchema.parse({
      id: 'RP3', state: 'open', account: account('bob'), created_at: '2026-01-01T00:00:00+02:00',
      notes: [{ id: 1, content: 'x', created_at: 'not a date' }],
    });
    expect(mapReport(ok)).toMatchObject({ createdAt: '2025-12-31T22:00:00.000Z', notes: [{ createdAt: null }] });
  });

  it('treats closed and resolved reports as resolved and keeps the content as the comment', () => {
    const raw = { id: 'RP1', state: 'closed', account: account('bob'), actor: null, content: null, created_at: '2026-01-01T00:00:00Z', statuses: null };
    expect(mapReport(akkomaReportSchema.parse(raw))).toMatchObject({ resolved: true, comment: '', reporter: null, statuses: [] });
  });

  it('reads all four error body shapes', () => {
    expect(remoteErrorText('"Not found"', TOKEN)).toBe('Not found');
    expect(remoteErrorText('{"errors":{"detail":"Internal server error"}}', TOKEN)).toBe('Internal server error');
    expect(remoteErrorText('{"error":"Throttled"}', TOKEN)).toBe('Throttled');
    expect(remoteErrorText('[{"id":"1","error":"not_found"}]', TOKEN)).toBe('not_found');
    expect(remoteErrorText('<html>502</html>', TOKEN)).toBe('');
  });
});

describe('akkoma report notes (pure)', () => {
  const base = { id: 'RP1', state: 'open', account: account('bob'), actor: account('alice'), content: 'spam', created_at: '2026-01-01T00:00:00Z' };
  const note = (extra: Record<string, unknown>) => ({
    id: 7, content: 'looked at it', user: account('mod', { display_name: 'Mod' }), created_at: '2026-01-02T10:00:00.000Z', ...extra,
  });

  it("maps ReportView's notes: integer id, author nickname, content as text, created_at", () => {
    const report = mapReport(akkomaReportSchema.parse({ ...base, notes: [note({})] }));
    expect(report.notes).toEqual([{ remoteId: '7', author: 'mod', text: 'looked at it', createdAt: '2026-01-02T10:00:00.000Z' }]);
  });

  it('falls back to acct, and to no author for the {} Akkoma renders when the writer is gone', () => {
    const report = mapReport(
      akkomaReportSchema.parse({
        ...base,
        notes: [note({ id: 1, user: { acct: 'mod2@other.example' } }), note({ id: 2, user: {} }), note({ id: 3, user: null, created_at: 'not a date' })],
      }),
    );
    expect(report.notes?.map((n) => [n.remoteId, n.author, n.createdAt])).toEqual([
      ['1', 'mod2@other.example', '2026-01-02T10:00:00.000Z'],
      ['2', null, '2026-01-02T10:00:00.000Z'],
      ['3', null, null],
    ]);
  });

  it('drops a malformed note and keeps the others and the report', () => {
    const raw = { ...base, notes: [note({ id: 1 }), note({ id: 2, content: null }), { content: 'no id' }, 'junk', note({ id: 3, content: 'third' })] };
    const parsed = akkomaReportSchema.safeParse(raw);
    expect(parsed.success).toBe(true);
    const report = mapReport(parsed.data!);
    expect(report.notes?.map((n) => [n.remoteId, n.text])).toEqual([['1', 'looked at it'], ['3', 'third']]);
    expect(report.comment).toBe('spam');
  });

  it('reads missing or non-list notes as none', () => {
    expect(mapReport(akkomaReportSchema.parse(base)).notes).toEqual([]);
    expect(mapReport(akkomaReportSchema.parse({ ...base, notes: { oops: true } })).notes).toEqual([]);
  });
});
