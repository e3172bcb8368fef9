import { describe, expect, it } from 'vitest';
import { parseMisskeyWebhook, verifyMisskeyWebhook } from './webhook';

const user = (id: string, username: string, host: string | null) => ({ id, username, host, name: null, avatarUrl: null });
const delivery = (type: string, body: unknown) => ({ server: 'https://mk.example', hookId: 'h1', eventId: 'e1', createdAt: '2026-02-01T00:00:00.000Z', type, body });
const report = {
  id: 'a1b2c3', comment: 'spam https://mk.example/notes/n1', resolved: false, forwarded: false,
  reporterId: 'u1', reporter: user('u1', 'alice', null), targetUserId: 'u2', targetUser: user('u2', 'spammer', 'bad.example'),
  assigneeId: null, assignee: null,
};

describe('verifyMisskeyWebhook', () => {
  it('accepts only the exact shared secret', () => {
    expect(verifyMisskeyWebhook({ 'X-Misskey-Hook-Secret': 's3cret' }, 's3cret')).toBe(true);
    expect(verifyMisskeyWebhook(new Headers({ 'x-misskey-hook-secret': 's3cret' }), 's3cret')).toBe(true);
    expect(verifyMisskeyWebhook({ 'x-misskey-hook-secret': 's3cret!' }, 's3cret')).toBe(false);
    expect(verifyMisskeyWebhook({ 'x-misskey-hook-secret': 's3cre' }, 's3cret')).toBe(false);
    expect(verifyMisskeyWebhook({}, 's3cret')).toBe(false);
    expect(verifyMisskeyWebhook({ 'x-misskey-hook-secret': '' }, '')).toBe(false); // no secret configured = reject
  });
});

describe('parseMisskeyWebhook', () => {
  it('maps abuseReport and abuseReportResolved to a report', () => {
    const created = parseMisskeyWebhook(JSON.stringify(delivery('abuseReport', report)), 'https://mk.example/');
    expect(created).toMatchObject({
      remoteId: 'a1b2c3', category: 'other', resolved: false, createdAt: '2026-02-01T00:00:00.000Z',
      target: { acct: 'spammer@bad.example', domain: 'bad.example' }, reporter: { acct: 'alice', url: 'https://mk.example/@alice' },
    });
    const resolved = parseMisskeyWebhook(delivery('abuseReportResolved', { ...report, resolved: undefined }));
    expect(resolved?.resolved).toBe(true);
  });

  it('returns null for other events and malformed bodies', () => {
    expect(parseMisskeyWebhook(delivery('userCreated', { id: 'x' }))).toBeNull();
    expect(parseMisskeyWebhook(delivery('abuseReport', { ...report, targetUser: undefined }))).toBeNull();
    expect(parseMisskeyWebhook('{not json')).toBeNull();
    expect(parseMisskeyWebhook(Buffer.from(JSON.stringify(delivery('abuseReport', report))))?.remoteId).toBe('a1b2c3');
  });
});
