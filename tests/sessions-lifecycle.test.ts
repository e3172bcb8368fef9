/**
 * Issue 15 point 3: sessions are rows. Signs in through next-auth's real core (each sign-in makes an AuthSession
 * row via the jwt callback) and asks the app's choke point (actorForSession) about each cookie after a password
 * change, ending one session, ending the others, signing out everywhere and a plain sign-out; then the row rules
 * themselves: expired, missing, another user's, and how rarely lastSeenAt is written.
 */
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import type { UserActor } from '@/lib/auth/current-actor';
import { SESSION_MAX_AGE_SECONDS } from '@/lib/auth/session-age';
import { endOthers } from '@/lib/auth/sessions/end-others';
import { endSession } from '@/lib/auth/sessions/end-session';
import { listSessions } from '@/lib/auth/sessions/list-sessions';
import { changePassword } from '@/lib/users/change-password';
import { signOutEverywhere } from '@/lib/users/sign-out-everywhere';
import { makeUser, PASSWORD } from './auth-fixtures';
import { actorFromCookie, sessionOf, signInCookie, signOutCookie } from './sessions-support';

const NEW_PASSWORD = 'a different long passphrase 7';

async function liveActor(jar: Record<string, string>): Promise<UserActor> {
  const actor = await actorFromCookie(jar);
  if (!actor) throw new Error('expected a live session');
  return actor;
}

const auditOf = (action: string, actorId: string) => db.auditEvent.findMany({ where: { action, actorId }, orderBy: { seq: 'asc' } });

describe('sessions are rows', () => {
  it('each sign-in makes a live row; a password change from A ends B and keeps A', async () => {
    const user = await makeUser('two-devices@example.org', 'moderator');
    const before = Date.now();
    const a = await signInCookie(user.email, PASSWORD);
    const b = await signInCookie(user.email, PASSWORD);
    const rows = await db.authSession.findMany({ where: { userId: user.id } });
    expect(rows).toHaveLength(2);
    expect(rows.map((r) => r.method)).toEqual(['password', 'password']);
    for (const r of rows) expect(r.expiresAt.getTime()).toBeGreaterThanOrEqual(before + SESSION_MAX_AGE_SECONDS * 1000 - 1000);
    expect(new Set(rows.map((r) => r.id))).toEqual(new Set([(await sessionOf(a)).sessionId, (await sessionOf(b)).sessionId]));

    const actorA = await liveActor(a);
    expect((await liveActor(b)).id).toBe(user.id);
    expect(actorA.sessionId).toBe((await sessionOf(a)).sessionId);

    await expect(changePassword({ ctx: { actor: actorA }, input: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD } })).resolves.toEqual({ endedSessions: 1 });
    expect(await actorFromCookie(b)).toBeNull();
    expect((await actorFromCookie(a))?.id).toBe(user.id);
    const ended = await db.authSession.findUniqueOrThrow({ where: { id: (await sessionOf(b)).sessionId } });
    expect(ended.endedReason).toBe('password_changed');
    const [audit] = await auditOf('user.password_changed', user.id);
    expect(audit.details).toMatchObject({ endedSessions: 1 });
    // The new password signs in; the old one no longer does (no row is made for a refused sign-in).
    expect(await actorFromCookie(await signInCookie(user.email, NEW_PASSWORD))).not.toBeNull();
    expect(await actorFromCookie(await signInCookie(user.email, PASSWORD))).toBeNull();
  });

  it('ends one session, then every other one, keeping the current', async () => {
    const user = await makeUser('many-devices@example.org', 'viewer');
    const [a, b, c, d] = [await signInCookie(user.email, PASSWORD), await signInCookie(user.email, PASSWORD), await signInCookie(user.email, PASSWORD), await signInCookie(user.email, PASSWORD)];
    const actorA = await liveActor(a);
    const bId = (await sessionOf(b)).sessionId;

    await expect(endSession({ ctx: { actor: actorA }, input: { sessionId: bId } })).resolves.toEqual({ current: false });
    expect(await actorFromCookie(b)).toBeNull();
    expect(await actorFromCookie(c)).not.toBeNull();
    expect((await auditOf('auth.session_ended', user.id))[0].details).toMatchObject({ sessionId: bId });
    // Ending it again, or a session that is not one's own, is "not found".
    await expect(endSession({ ctx: { actor: actorA }, input: { sessionId: bId } })).rejects.toMatchObject({ code: 'not_found' });
    const stranger = await makeUser('stranger@example.org', 'admin');
    const strangerActor = await liveActor(await signInCookie(stranger.email, PASSWORD));
    await expect(endSession({ ctx: { actor: strangerActor }, input: { sessionId: (await sessionOf(c)).sessionId } })).rejects.toMatchObject({ code: 'not_found' });
    expect(await actorFromCookie(c)).not.toBeNull();

    const listed = await listSessions({ ctx: { actor: actorA } });
    expect(listed).toHaveLength(3);
    expect(listed.filter((s) => s.current).map((s) => s.id)).toEqual([(await sessionOf(a)).sessionId]);

    await expect(endOthers({ ctx: { actor: actorA } })).resolves.toEqual({ ended: 2 });
    expect(await actorFromCookie(c)).toBeNull();
    expect(await actorFromCookie(d)).toBeNull();
    expect((await actorFromCookie(a))?.id).toBe(user.id);
    expect((await auditOf('user.signed_out_everywhere', user.id))[0].details).toMatchObject({ keptCurrent: true, ended: 2 });
    // The stranger's own session was never touched.
    expect(await db.authSession.count({ where: { userId: stranger.id, endedAt: null } })).toBe(1);

    // Ending the current session is allowed; the cookie then stops working.
    await expect(endSession({ ctx: { actor: actorA }, input: { sessionId: (await sessionOf(a)).sessionId } })).resolves.toEqual({ current: true });
    expect(await actorFromCookie(a)).toBeNull();
  });

  it('sign-out-everywhere ends every session and marks every row', async () => {
    const user = await makeUser('everywhere-rows@example.org', 'moderator');
    const a = await signInCookie(user.email, PASSWORD);
    const b = await signInCookie(user.email, PASSWORD);
    await signOutEverywhere({ ctx: { actor: await liveActor(a) } });
    expect(await actorFromCookie(a)).toBeNull();
    expect(await actorFromCookie(b)).toBeNull();
    const rows = await db.authSession.findMany({ where: { userId: user.id } });
    expect(rows.map((r) => r.endedReason)).toEqual(['everywhere', 'everywhere']);
    expect((await auditOf('user.signed_out_everywhere', user.id))[0].details).toMatchObject({ keptCurrent: false, ended: 2 });
  });

  it('a plain sign-out marks its own row ended and no other', async () => {
    const user = await makeUser('plain-signout@example.org', 'viewer');
    const a = await signInCookie(user.email, PASSWORD);
    const b = await signInCookie(user.email, PASSWORD);
    const captured = { ...a };
    await signOutCookie(a);
    expect(await actorFromCookie(captured)).toBeNull();
    expect(await actorFromCookie(b)).not.toBeNull();
    expect((await db.authSession.findUniqueOrThrow({ where: { id: (await sessionOf(captured)).sessionId } })).endedReason).toBe('sign_out');
  });
});

describe('the row check', () => {
  it('refuses an expired row, a missing row and a row of another user', async () => {
    const user = await makeUser('row-rules@example.org', 'moderator');
    const other = await makeUser('row-other@example.org', 'moderator');
    const a = await signInCookie(user.email, PASSWORD);
    const b = await signInCookie(user.email, PASSWORD);
    const c = await signInCookie(other.email, PASSWORD);
    const session = await sessionOf(a);

    await db.authSession.update({ where: { id: session.sessionId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await actorFromCookie(a)).toBeNull();
    expect(await listSessions({ ctx: { actor: await liveActor(b) } })).toHaveLength(1);

    // A cookie from before this release names a session with no row: refused, the person signs in again.
    await db.authSession.delete({ where: { id: (await sessionOf(b)).sessionId } });
    expect(await actorFromCookie(b)).toBeNull();

    // Another user's live row does not make this user's session live.
    const otherSid = (await sessionOf(c)).sessionId;
    expect(await actorFromCookie(c)).not.toBeNull();
    expect(await import('@/lib/auth/current-actor').then((m) => m.actorForSession({ ...session, sessionId: otherSid }, null))).toBeNull();
  });

  it('writes lastSeenAt at most every five minutes, or when the address changes', async () => {
    const { checkSession, TOUCH_EVERY_MS } = await import('@/lib/auth/sessions/check-session');
    const user = await makeUser('touch@example.org', 'viewer');
    const jar = await signInCookie(user.email, PASSWORD);
    const sid = (await sessionOf(jar)).sessionId;
    const row = () => db.authSession.findUniqueOrThrow({ where: { id: sid } });
    const check = (ip: string | null, userAgent: string | null, now: Date) => checkSession({ sessionId: sid, userId: user.id, ip, userAgent }, now);

    const t0 = (await row()).lastSeenAt;
    const longUa = `Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0 ${'x'.repeat(400)}`;
    // First request: no address yet, so it is written.
    expect(await check('203.0.113.5', longUa, new Date(t0.getTime() + 1000))).toBe(true);
    const first = await row();
    expect(first.ip).toBe('203.0.113.5');
    expect(first.userAgent).toHaveLength(300);
    expect(first.lastSeenAt.getTime()).toBe(t0.getTime() + 1000);

    // Same address a minute later: nothing is written.
    expect(await check('203.0.113.5', 'other agent', new Date(t0.getTime() + 60_000))).toBe(true);
    expect((await row()).lastSeenAt.getTime()).toBe(t0.getTime() + 1000);
    expect((await row()).userAgent).toBe(first.userAgent);

    // A new address is written at once; so is a touch once five minutes have passed.
    expect(await check('198.51.100.9', 'other agent', new Date(t0.getTime() + 90_000))).toBe(true);
    expect((await row())).toMatchObject({ ip: '198.51.100.9', userAgent: 'other agent', lastSeenAt: new Date(t0.getTime() + 90_000) });
    const later = new Date(t0.getTime() + 90_000 + TOUCH_EVERY_MS + 1);
    expect(await check('198.51.100.9', 'other agent', later)).toBe(true);
    expect((await row()).lastSeenAt).toEqual(later);

    // Through the real choke point too: two quick requests, one write.
    await actorFromCookie(jar, '192.0.2.44', 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Version/17.0 Mobile/15E148 Safari/604.1');
    const seen = (await row()).lastSeenAt;
    const again = await actorFromCookie(jar, '192.0.2.44', null);
    expect((await row()).lastSeenAt).toEqual(seen);
    const [listed] = await listSessions({ ctx: { actor: again! } });
    expect(listed).toMatchObject({ ip: '192.0.2.44', device: 'Safari on iOS', method: 'password' });
  });
});
