/**
 * The second step of sign-in through next-auth's real core handler and our credentials provider (as
 * auth-next-auth.test.ts drives it): TwoFactorRequired without a factor, a wrong code refused, audited and counted
 * until the email locks, a right code signs in with its method, a replayed code refused (also when raced), a
 * recovery code works once and only once. Real Postgres; nothing of the sign-in path is mocked.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { NextAuthOptions } from 'next-auth';
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { getAuthOptions } from '@/lib/auth/auth-options';
import { signIn } from '@/lib/auth/sign-in';
import { resetEnvCache } from '@/lib/env';
import { makeUser, PASSWORD } from './auth-fixtures';
import { codeNow, enrolTotp } from './totp-fixtures';

process.env.TRUSTED_PROXIES = '127.0.0.1';
resetEnvCache();

interface InternalResponse<B> { status?: number; body?: B; redirect?: string; cookies?: { name: string; value: string }[] }
type Handler = <B>(p: { req: Record<string, unknown>; options: NextAuthOptions }) => Promise<InternalResponse<B>>;
const { AuthHandler } = createRequire(import.meta.url)(path.resolve('node_modules/next-auth/core/index.js')) as { AuthHandler: Handler };

/** One credentials sign-in; returns the error code next-auth put in the redirect (null on success) and the session. */
async function attempt(body: Record<string, string>, ip = '198.51.100.20') {
  const options = await getAuthOptions();
  const jar: Record<string, string> = {};
  const headers = { host: '127.0.0.1:3000', 'x-real-ip': ip };
  const absorb = (c?: { name: string; value: string }[]) => { for (const x of c ?? []) jar[x.name] = x.value; };
  const csrf = await AuthHandler<{ csrfToken: string }>({ req: { action: 'csrf', method: 'GET', headers, cookies: jar }, options });
  absorb(csrf.cookies);
  const cb = await AuthHandler({
    req: { action: 'callback', providerId: 'credentials', method: 'POST', headers, cookies: { ...jar }, body: { ...body, csrfToken: csrf.body!.csrfToken, callbackUrl: '/queue', json: 'true' }, query: {} },
    options,
  });
  absorb(cb.cookies);
  const session = await AuthHandler<Record<string, unknown>>({ req: { action: 'session', method: 'GET', headers, cookies: { ...jar } }, options });
  const error = cb.redirect ? new URL(cb.redirect).searchParams.get('error') : null;
  return { error, session: session.body as { user?: { id: string }; sessionId?: string } };
}

const events = (action: string, targetId: string) => db.auditEvent.findMany({ where: { action, targetId }, orderBy: { seq: 'asc' } });

describe('sign-in with an authenticator app', () => {
  it('asks for the factor without counting or auditing a failure, then signs in with the code and its method', async () => {
    const user = await makeUser('totp-ok@example.org', 'admin');
    const { secret } = await enrolTotp(user);

    const first = await attempt({ email: user.email, password: PASSWORD });
    expect(first.error).toBe('TwoFactorRequired');
    expect(first.session).toEqual({});
    expect(await events('auth.sign_in_failed', user.id)).toHaveLength(0);
    expect(await db.rateLimit.count({ where: { key: { startsWith: 'sign-in:' } } })).toBe(0);

    // A wrong password with a right code is still a wrong password: the factor is never looked at first.
    expect((await attempt({ email: user.email, password: 'not the password', code: codeNow(secret) })).error).toBe('CredentialsSignin');

    const ok = await attempt({ email: user.email, password: PASSWORD, code: codeNow(secret), recoveryCode: '', passkey: '' });
    expect(ok.error).toBeNull();
    expect(ok.session.user?.id).toBe(user.id);
    const [signedIn] = await events('auth.sign_in', user.id);
    expect(signedIn.details).toEqual({ method: 'password+totp' });
    expect(await db.authSession.findMany({ where: { userId: user.id }, select: { method: true } })).toEqual([{ method: 'password+totp' }]);
  });

  it('refuses a replayed code, also when two sign-ins race with the same code', async () => {
    const user = await makeUser('totp-replay@example.org', 'owner');
    const { secret } = await enrolTotp(user);
    const code = codeNow(secret);
    expect((await attempt({ email: user.email, password: PASSWORD, code })).error).toBeNull();
    expect((await attempt({ email: user.email, password: PASSWORD, code })).error).toBe('TwoFactorInvalid');
    expect((await events('auth.second_factor_failed', user.id)).map((e) => (e.details as { reason: string }).reason)).toEqual(['replayed_code']);

    const next = codeNow(secret, 1);
    const raced = await Promise.all([1, 2, 3, 4].map(() => signIn({ email: user.email, password: PASSWORD, ip: null, secondFactor: { code: next } })));
    expect(raced.filter((r) => r.ok)).toHaveLength(1);
    expect(raced.filter((r) => !r.ok && r.reason === 'second_factor_invalid')).toHaveLength(3);
  });

  it('counts wrong codes like wrong passwords: audited, and the 6th attempt is locked out even with the right code', async () => {
    const user = await makeUser('totp-guess@example.org', 'moderator');
    const { secret } = await enrolTotp(user);
    const right = codeNow(secret);
    const wrong = right === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) expect((await attempt({ email: user.email, password: PASSWORD, code: wrong }, `192.0.2.${i}`)).error).toBe('TwoFactorInvalid');
    const failed = await events('auth.second_factor_failed', user.id);
    expect(failed).toHaveLength(5);
    expect(failed[0].details).toMatchObject({ reason: 'wrong_code', email: user.email });
    expect(JSON.stringify(failed.map((e) => e.details))).not.toContain(wrong);
    expect((await attempt({ email: user.email, password: PASSWORD, code: right }, '192.0.2.99')).error).toBe('RateLimited');
    expect(await events('auth.sign_in', user.id)).toHaveLength(0);
  });

  it('accepts a recovery code once and only once, audited, and a made-up one never', async () => {
    const user = await makeUser('totp-recovery@example.org', 'admin');
    const { recoveryCodes } = await enrolTotp(user);
    expect((await attempt({ email: user.email, password: PASSWORD, recoveryCode: 'abcd-efgh-jkmn' })).error).toBe('TwoFactorInvalid');
    const ok = await attempt({ email: user.email, password: PASSWORD, recoveryCode: recoveryCodes[3].toUpperCase() });
    expect(ok.error).toBeNull();
    expect((await events('auth.sign_in', user.id))[0].details).toEqual({ method: 'password+recovery' });
    expect((await events('auth.recovery_code_used', user.id))[0].details).toEqual({ left: 9 });
    expect((await attempt({ email: user.email, password: PASSWORD, recoveryCode: recoveryCodes[3] })).error).toBe('TwoFactorInvalid');
    expect((await events('auth.second_factor_failed', user.id)).map((e) => (e.details as { reason: string }).reason)).toEqual(['wrong_recovery_code', 'wrong_recovery_code']);
    // Raced: one unused code spent by two sign-ins at once is spent once.
    const raced = await Promise.all([1, 2].map(() => signIn({ email: user.email, password: PASSWORD, secondFactor: { recoveryCode: recoveryCodes[5] } })));
    expect(raced.filter((r) => r.ok)).toHaveLength(1);
  });

  it('leaves accounts without a second factor signing in with the password alone', async () => {
    const user = await makeUser('plain@example.org', 'viewer');
    expect((await attempt({ email: user.email, password: PASSWORD, code: '123456' })).error).toBeNull();
    expect((await events('auth.sign_in', user.id))[0].details).toEqual({ method: 'password' });
  });

  it('refuses a passkey assertion that does not verify as a failed second factor', async () => {
    const user = await makeUser('totp-passkey@example.org', 'admin');
    await enrolTotp(user);
    expect((await attempt({ email: user.email, password: PASSWORD, passkey: '{"id":"forged"}' })).error).toBe('TwoFactorInvalid');
    expect((await events('auth.second_factor_failed', user.id))[0].details).toMatchObject({ reason: 'passkey_failed' });
  });
});
