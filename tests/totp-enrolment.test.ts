/**
 * The /api/me/totp routes against a real database and the real verbs: setup (QR and secret, sealed at rest), confirm
 * (wrong code refused, right code enables and returns 10 recovery codes stored only as hashes), re-setup refused once
 * enabled, regenerate (replayed code refused, old codes dead), remove (needs the password, rate-limited, ends every
 * other session but this one). The session layer is the shared stub (tests/support/session-stub.ts); its recorded
 * calls show the options each route passed.
 */
import crypto from 'node:crypto';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { totpAt, totpStep } from '@/lib/auth/totp/totp';
import { hashRecoveryCode } from '@/lib/auth/totp/recovery-codes';
import { db } from '@/lib/db';
import { makeUser, PASSWORD } from './auth-fixtures';
import { jsonRequest } from './support/route-requests';

import { session } from './support/session-stub';
vi.mock('@/lib/auth/current-actor', () => import('./support/session-stub').then((m) => m.currentActorMock()));
const { requireApiActor } = await import('@/lib/auth/current-actor');

const totpRoute = await import('@/app/api/me/totp/route');
const setupRoute = await import('@/app/api/me/totp/setup/route');
const confirmRoute = await import('@/app/api/me/totp/confirm/route');
const codesRoute = await import('@/app/api/me/totp/recovery-codes/route');

const bodies: string[] = [];
async function read(res: Promise<Response>): Promise<{ status: number; body: Record<string, unknown> }> {
  const r = await res;
  const text = await r.text();
  bodies.push(text);
  return { status: r.status, body: text ? JSON.parse(text) : {} };
}

const THIS_SESSION = crypto.randomUUID();
const OTHER_SESSION = crypto.randomUUID();
let userId: string;

beforeAll(async () => {
  const u = await makeUser('enrol@example.org', 'admin');
  userId = u.id;
  session.actor = { type: 'user', id: u.id, email: u.email, role: u.role, instanceIds: null, ip: '203.0.113.4', sessionId: THIS_SESSION };
  const expiresAt = new Date(Date.now() + 3600_000);
  await db.authSession.createMany({ data: [{ id: THIS_SESSION, userId, method: 'password', expiresAt }, { id: OTHER_SESSION, userId, method: 'password', expiresAt }] });
});

describe('/api/me/totp', () => {
  let secret = '';
  let firstCodes: string[] = [];

  it('sets up a sealed secret and shows it once with its QR code', async () => {
    expect((await read(totpRoute.GET(jsonRequest('/api/me/totp')))).body).toEqual({ enabled: false, pending: false, recoveryCodesLeft: 0 });
    const setup = await read(setupRoute.POST(jsonRequest('/api/me/totp/setup', 'POST')));
    expect(setup.status).toBe(200);
    secret = String(setup.body.secret);
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(setup.body.otpauthUri).toBe(`otpauth://totp/Fedimod:enrol%40example.org?secret=${secret}&issuer=Fedimod&algorithm=SHA1&digits=6&period=30`);
    expect(String(setup.body.qrSvg)).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    const row = await db.user.findUniqueOrThrow({ where: { id: userId } });
    expect(row.totpSecretSealed).toBeTruthy();
    expect(row.totpSecretSealed).not.toContain(secret);
    expect(row.totpEnabledAt).toBeNull();
    expect((await read(totpRoute.GET(jsonRequest('/api/me/totp')))).body).toMatchObject({ enabled: false, pending: true });
    // Every route stays open to someone who must still enrol.
    const options = vi.mocked(requireApiActor).mock.calls.map((call) => call[2]);
    expect(options.length).toBeGreaterThan(0);
    expect(options.every((o) => o?.enrolment === true)).toBe(true);
  });

  it('refuses a wrong confirm code and enables with a right one, returning ten codes stored only as hashes', async () => {
    const right = totpAt(secret, totpStep(Date.now()));
    const wrong = await read(confirmRoute.POST(jsonRequest('/api/me/totp/confirm', 'POST', { code: right === '000000' ? '111111' : '000000' })));
    expect(wrong.status).toBe(400);
    expect(wrong.body.error).toMatchObject({ message: expect.stringContaining('not right') });
    const ok = await read(confirmRoute.POST(jsonRequest('/api/me/totp/confirm', 'POST', { code: right })));
    expect(ok.status).toBe(200);
    firstCodes = ok.body.recoveryCodes as string[];
    expect(firstCodes).toHaveLength(10);
    const stored = await db.recoveryCode.findMany({ where: { userId } });
    expect(stored.map((c) => c.codeHash).sort()).toEqual(firstCodes.map((c) => hashRecoveryCode(c)).sort());
    expect(JSON.stringify(stored)).not.toContain(firstCodes[0]);
    const enabled = await db.auditEvent.findFirstOrThrow({ where: { action: 'auth.totp_enabled', targetId: userId } });
    expect(JSON.stringify(enabled.details)).not.toContain(firstCodes[0]);
    expect((await read(totpRoute.GET(jsonRequest('/api/me/totp')))).body).toEqual({ enabled: true, pending: false, recoveryCodesLeft: 10 });
  });

  it('refuses a new setup while one is enabled', async () => {
    const again = await read(setupRoute.POST(jsonRequest('/api/me/totp/setup', 'POST')));
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ message: expect.stringContaining('Remove it first') });
  });

  it('regenerates recovery codes behind a fresh code only; the old ones stop working', async () => {
    // The confirm code's step is spent: the same code is a replay.
    const spent = (await db.user.findUniqueOrThrow({ where: { id: userId } })).totpLastStep!;
    const replay = await read(codesRoute.POST(jsonRequest('/api/me/totp/recovery-codes', 'POST', { code: totpAt(secret, spent) })));
    expect(replay.status).toBe(400);
    const fresh = await read(codesRoute.POST(jsonRequest('/api/me/totp/recovery-codes', 'POST', { code: totpAt(secret, spent + 1) })));
    expect(fresh.status).toBe(200);
    const codes = fresh.body.recoveryCodes as string[];
    expect(codes).toHaveLength(10);
    expect(codes.some((c) => firstCodes.includes(c))).toBe(false);
    const hashes = (await db.recoveryCode.findMany({ where: { userId } })).map((c) => c.codeHash);
    expect(hashes).not.toContain(hashRecoveryCode(firstCodes[0]));
    expect(await db.auditEvent.count({ where: { action: 'auth.recovery_codes_regenerated', targetId: userId } })).toBe(1);
  });

  it('removes the factor only with the password, and ends every other session but this one', async () => {
    const bad = await read(totpRoute.DELETE(jsonRequest('/api/me/totp', 'DELETE', { password: 'not my password' })));
    expect(bad.status).toBe(400);
    expect(await db.rateLimit.findFirst({ where: { key: `password-change:${userId}` } })).toMatchObject({ count: 1 });
    expect((await db.user.findUniqueOrThrow({ where: { id: userId } })).totpEnabledAt).not.toBeNull();

    const ok = await read(totpRoute.DELETE(jsonRequest('/api/me/totp', 'DELETE', { password: PASSWORD })));
    expect(ok).toEqual({ status: 200, body: { endedSessions: 1 } });
    const row = await db.user.findUniqueOrThrow({ where: { id: userId } });
    expect([row.totpSecretSealed, row.totpEnabledAt, row.totpLastStep]).toEqual([null, null, null]);
    expect(await db.recoveryCode.count({ where: { userId } })).toBe(0);
    const sessions = await db.authSession.findMany({ where: { userId }, select: { id: true, endedAt: true, endedReason: true } });
    expect(sessions.find((s) => s.id === THIS_SESSION)).toMatchObject({ endedAt: null });
    expect(sessions.find((s) => s.id === OTHER_SESSION)).toMatchObject({ endedReason: 'factor_removed' });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: 'auth.totp_disabled', targetId: userId } });
    expect(audit.details).toEqual({ endedSessions: 1 });
  });

  it('locks removal after five wrong passwords', async () => {
    for (let i = 0; i < 4; i++) await read(totpRoute.DELETE(jsonRequest('/api/me/totp', 'DELETE', { password: `guess ${i}` })));
    const locked = await read(totpRoute.DELETE(jsonRequest('/api/me/totp', 'DELETE', { password: PASSWORD })));
    expect(locked.status).toBe(429);
  });

  it('refuses without a session and never sends the secret again', async () => {
    const saved = session.actor;
    session.actor = null;
    expect((await read(totpRoute.GET(jsonRequest('/api/me/totp')))).status).toBe(401);
    session.actor = saved;
    expect(bodies.filter((b) => b.includes(secret))).toHaveLength(1); // only the setup answer
  });
});
