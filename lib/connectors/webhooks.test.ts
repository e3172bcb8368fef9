import { describe, expect, it } from 'vitest';
import { readSignedWebhook } from './webhooks';

const misskey = (body: unknown, secret = 'mk-secret') => ({
  rawBody: Buffer.from(JSON.stringify(body)), headers: new Headers({ 'x-misskey-hook-secret': secret }), secret: 'mk-secret', baseUrl: 'https://mk.example',
});

describe('readSignedWebhook: Misskey', () => {
  it('turns a reduced abuseReportResolved into a re-read of that report, not a report to apply (contract I3)', () => {
    const out = readSignedWebhook('misskey', misskey({
      server: 'https://mk.example', hookId: 'h', eventId: 'e', createdAt: 1_780_000_000_000, type: 'abuseReportResolved',
      body: { id: 'a1b2c3', resolved: true, targetUserId: 'u2', targetUser: { id: 'u2', username: 'x', host: null } },
    }));
    expect(out).toEqual({ verified: true, event: 'abuseReportResolved', report: null, refetch: 'a1b2c3', error: undefined });
  });

  it('rejects a wrong secret and ignores events that carry no report', () => {
    expect(readSignedWebhook('misskey', misskey({ type: 'abuseReport', body: { id: 'a' } }, 'nope'))).toEqual({ verified: false });
    const other = readSignedWebhook('misskey', misskey({ type: 'userCreated', body: { id: 'u1' } }));
    expect(other).toMatchObject({ verified: true, event: 'userCreated', report: null });
    expect(other).not.toHaveProperty('refetch');
  });
});
