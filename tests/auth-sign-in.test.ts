import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { signIn, MAX_FAILURES_PER_IP } from '@/lib/auth/sign-in';
import { hit, peek } from '@/lib/auth/rate-limit';
import { makeUser, PASSWORD } from './auth-fixtures';

async function eventsFor(action: string) {
  return db.auditEvent.findMany({ where: { action }, orderBy: { seq: 'asc' } });
}

describe('sign-in', () => {
  it('signs in with the right password, records lastSignInAt and audits with the IP', async () => {
    const u = await makeUser('mod@example.org', 'moderator');
    const out = await signIn({ email: ' MOD@example.org ', password: PASSWORD, ip: '198.51.100.1' });
    expect(out).toMatchObject({ ok: true, user: { id: u.id } });
    expect((await db.user.findUniqueOrThrow({ where: { id: u.id } })).lastSignInAt).not.toBeNull();
    const [ev] = await eventsFor('auth.sign_in');
    expect(ev).toMatchObject({ actorId: u.id, ip: '198.51.100.1', targetId: u.id });
  });

  it('fails for a wrong password or an unknown email with the same answer, audited without the password', async () => {
    await makeUser('viewer@example.org', 'viewer');
    expect(await signIn({ email: 'viewer@example.org', password: 'not the password', ip: null })).toEqual({ ok: false, reason: 'invalid' });
    expect(await signIn({ email: 'ghost@example.org', password: 'not the password', ip: null })).toEqual({ ok: false, reason: 'invalid' });
    const failed = await eventsFor('auth.sign_in_failed');
    expect(failed.map((e) => (e.details as { email: string }).email)).toEqual(['viewer@example.org', 'ghost@example.org']);
    expect(JSON.stringify(failed.map((e) => e.details))).not.toContain('not the password');
  });

  it('refuses a disabled user even with the right password', async () => {
    await makeUser('gone@example.org', 'admin', { disabled: true });
    expect(await signIn({ email: 'gone@example.org', password: PASSWORD })).toEqual({ ok: false, reason: 'disabled' });
  });

  it('locks an email after 5 failures: the 6th attempt is refused even with the right password, and audited', async () => {
    await makeUser('target@example.org', 'owner');
    for (let i = 0; i < 5; i++) {
      expect(await signIn({ email: 'target@example.org', password: `guess number ${i}`, ip: `192.0.2.${i}` })).toMatchObject({ reason: 'invalid' });
    }
    const sixth = await signIn({ email: 'target@example.org', password: PASSWORD, ip: '192.0.2.77' });
    expect(sixth).toMatchObject({ ok: false, reason: 'rate_limited' });
    if (!sixth.ok) expect(sixth.retryAfterSeconds).toBeGreaterThan(0);
    const limited = await eventsFor('auth.sign_in_rate_limited');
    expect(limited).toHaveLength(1);
    expect(limited[0].details).toMatchObject({ email: 'target@example.org', scope: 'email' });
    expect((await eventsFor('auth.sign_in')).filter((e) => e.actorLabel === 'target@example.org')).toHaveLength(0);
  });

  it('locks an IP after 30 failures across emails', async () => {
    const ip = '203.0.113.50';
    for (let i = 0; i < MAX_FAILURES_PER_IP; i++) await hit(`sign-in:ip:${ip}`, 15 * 60, MAX_FAILURES_PER_IP);
    await makeUser('other@example.org', 'viewer');
    expect(await signIn({ email: 'other@example.org', password: PASSWORD, ip })).toMatchObject({ reason: 'rate_limited' });
    expect(await signIn({ email: 'other@example.org', password: PASSWORD, ip: '203.0.113.51' })).toMatchObject({ ok: true });
  });
});

describe('rate-limit counters', () => {
  it('counts atomically under concurrency and reports the window end', async () => {
    const now = new Date('2030-01-01T00:05:00Z');
    const results = await Promise.all(Array.from({ length: 20 }, () => hit('test:key', 600, 10, now)));
    expect(results.map((r) => r.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(results.filter((r) => r.allowed)).toHaveLength(10);
    expect(results[0].retryAfterSeconds).toBe(300);
    expect(await peek('test:key', 600, 10, now)).toMatchObject({ count: 20, allowed: false });
    // The next window starts empty.
    expect(await peek('test:key', 600, 10, new Date('2030-01-01T00:10:00Z'))).toMatchObject({ count: 0, allowed: true });
  });
});
