import { describe, expect, it } from 'vitest';
import { adminReportSchema, mediaAttachmentSchema } from './api-types';
import { mapAdminReport, mapMedia } from './mapper';
import { report, status } from './test-support/fixtures';

const parse = (raw: unknown) => mapAdminReport(adminReportSchema.parse(raw));

describe('mastodon mapper', () => {
  it('maps an Admin::Report with its accounts, statuses, media and rules', () => {
    const out = parse(report);
    expect(out).toMatchObject({
      remoteId: '42', category: 'spam', comment: 'Spam <img src=x onerror=alert(1)>', createdAt: '2022-09-09T21:19:23.085Z',
      resolved: false, resolvedAt: null, forwarded: true, assignee: null, rules: [{ remoteId: '2', text: 'No harassment.' }],
    });
    expect(out.reporter).toMatchObject({ remoteId: '7', acct: 'admin', domain: null, email: 'admin@mastodon.local', displayName: '' });
    expect(out.target).toEqual({
      remoteId: '108965430868193066', username: 'goody', acct: 'goody@remote.test', displayName: 'Goody <b>Two</b> Shoes',
      url: 'https://remote.test/@goody', avatarUrl: 'https://m.example/avatars/original/missing.png', domain: 'remote.test',
      email: null, createdAt: '2022-09-08T23:42:04.731Z', suspended: false, silenced: true, sensitized: false, disabled: false,
    });
    expect(out.statuses[0]).toMatchObject({
      remoteId: '109000000000001000', contentHtml: '<p>hello <script>alert(1)</script></p>', spoilerText: 'cw', sensitive: true, visibility: 'unlisted',
    });
  });

  it('falls back to remote_url, maps unknown media types to "unknown", and drops media without any address', () => {
    const media = parse(report).statuses[0].media;
    expect(media.map((m) => [m.remoteId, m.type, m.url])).toEqual([
      ['1', 'image', 'https://m.example/system/1.png'],
      ['2', 'gifv', 'https://remote.test/2.mp4'],
      ['3', 'unknown', 'https://m.example/system/3.bin'],
    ]);
    expect(media[0]).toMatchObject({ previewUrl: 'https://m.example/system/s1.png', remoteUrl: 'https://remote.test/1.png', description: 'alt', meta: { original: { width: 10, height: 10 } } });
    expect(mapMedia(mediaAttachmentSchema.parse(status.media_attachments[3]))).toBeNull();
  });

  it('keeps an unknown category as given and defaults a missing one to "other"', () => {
    expect(parse({ ...report, category: 'impersonation' }).category).toBe('impersonation');
    expect(parse({ ...report, category: null }).category).toBe('other');
  });

  it('tolerates missing optional parts and derives acct for remote accounts without a nested account', () => {
    const { account: _nested, ...bare } = report.target_account;
    const out = parse({ ...report, account: null, statuses: undefined, rules: undefined, comment: null, forwarded: undefined, target_account: bare });
    expect(out.reporter).toBeNull();
    expect(out.statuses).toEqual([]);
    expect(out.rules).toEqual([]);
    expect(out.comment).toBe('');
    expect(out.forwarded).toBe(false);
    expect(out.target).toMatchObject({ acct: 'goody@remote.test', url: null, avatarUrl: null, displayName: '' });
  });

  it('maps resolution fields', () => {
    const out = parse({ ...report, action_taken: true, action_taken_at: '2022-09-10T00:00:00.000Z', assigned_account: report.target_account });
    expect(out).toMatchObject({ resolved: true, resolvedAt: '2022-09-10T00:00:00.000Z', assignee: { username: 'goody' } });
  });

  it('rejects what cannot be mapped: an object id, a missing target account', () => {
    expect(adminReportSchema.safeParse({ ...report, id: { $oid: '1' } }).success).toBe(false);
    const { target_account: _t, ...noTarget } = report;
    expect(adminReportSchema.safeParse(noTarget).success).toBe(false);
    // A numeric id beyond 2^53 was already corrupted by JSON.parse; better skipped than stored under a wrong id.
    expect(adminReportSchema.safeParse({ ...report, id: 108965218747268792 }).success).toBe(false);
  });
});

describe('mastodon mapper: what the payload does not say', () => {
  it('leaves account flags the payload omits unknown, never false (contract I1)', () => {
    const { suspended: _s, silenced: _si, sensitized: _se, disabled: _d, ...bare } = report.target_account;
    const out = parse({ ...report, target_account: bare });
    for (const flag of ['suspended', 'silenced', 'sensitized', 'disabled'] as const) expect(out.target[flag]).toBeUndefined();
    expect(parse(report).target.silenced).toBe(true);
  });

  it('refuses a report whose created_at is not a date and reads other bad dates as unknown', () => {
    expect(adminReportSchema.safeParse({ ...report, created_at: 'not a date' }).success).toBe(false);
    expect(adminReportSchema.safeParse({ ...report, created_at: '+275760-09-13T00:00:00.001Z' }).success).toBe(false);
    const out = parse({ ...report, updated_at: 'soon', action_taken_at: 12, statuses: [{ ...report.statuses[0], created_at: 'x' }] });
    expect(out).toMatchObject({ updatedAt: null, resolvedAt: null, statuses: [{ createdAt: null }] });
  });

  it('accepts only ids that a refresh by id accepts too (one rule for list and refresh)', () => {
    for (const id of ['12.5', 'a b', '../1', '', -1, 1.5, 2 ** 60]) expect(adminReportSchema.safeParse({ ...report, id }).success).toBe(false);
    for (const id of ['42', 42, '01HZY0ABCDEFGHJKMNPQRSTVWX']) expect(adminReportSchema.safeParse({ ...report, id }).success).toBe(true);
  });
});
