import { describe, expect, it } from 'vitest';
import { parseMisskeyWebhook, verifyMisskeyWebhook } from './webhook';

// The short "UserLite" form Misskey packs into report webhooks: no isSuspended, isSilenced, createdAt or url.
const user = (id: string, username: string, host: string | null) => ({
  id, username, host, name: null, avatarUrl: null, avatarBlurhash: null, avatarDecorations: [], isBot: false, isCat: false, emojis: {},
  onlineStatus: 'unknown', badgeRoles: [],
});
// SystemWebhookDeliverProcessorService's envelope: createdAt is the delivery time in ms.
const delivery = (type: string, body: unknown) => ({ server: 'https://mk.example', hookId: 'h1', eventId: 'e1', createdAt: 1_780_000_000_000, type, body });
// The report row as notifySystemWebhook spreads it: no createdAt, no notes.
const report = {
  id: 'a1b2c3', comment: 'spam https://mk.example/notes/n1', resolved: false, forwarded: false, resolvedAs: null, moderationNote: '',
  reporterId: 'u1', reporterHost: null, reporter: user('u1', 'alice', null), targetUserId: 'u2', targetUserHost: 'bad.example',
  targetUser: user('u2', 'spammer', 'bad.example'), assigneeId: null, assignee: null,
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
  it('asks for a re-read of the report instead of applying the reduced body (contract I3)', () => {
    expect(parseMisskeyWebhook(JSON.stringify(delivery('abuseReport', report)))).toEqual({ event: 'abuseReport', refetch: 'a1b2c3' });
    const resolved = parseMisskeyWebhook(delivery('abuseReportResolved', { ...report, resolved: true, resolvedAs: 'accept' }));
    expect(resolved).toEqual({ event: 'abuseReportResolved', refetch: 'a1b2c3' });
    expect(parseMisskeyWebhook(Buffer.from(JSON.stringify(delivery('abuseReport', report)))).refetch).toBe('a1b2c3');
  });

  it('ignores other events and reports malformed bodies in one line', () => {
    expect(parseMisskeyWebhook(delivery('userCreated', { id: 'x' }))).toEqual({ event: 'userCreated', refetch: null });
    expect(parseMisskeyWebhook('{not json')).toMatchObject({ refetch: null, error: 'body is not JSON' });
    const badId = parseMisskeyWebhook(delivery('abuseReport', { ...report, id: '../admin' }));
    expect(badId.refetch).toBeNull();
    expect(badId.error).toMatch(/^no report id in the payload: id: /);
    expect(badId.error).not.toContain('spam');
  });
});
