/**
 * Passkeys end to end at the verb level, with a software authenticator making real WebAuthn bytes (P-256, 'none'
 * attestation): register, then sign in with it; and every way a sign-in assertion must be refused: a challenge that
 * was never issued, one used twice, one expired, another user's credential, a tampered signature, a counter that
 * goes backwards, and junk input.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { hashPassword } from '@/lib/auth/password';
import { addPasskey } from '@/lib/auth/passkeys/add-passkey';
import { CHALLENGE_TTL_MS, storeChallenge } from '@/lib/auth/passkeys/challenges';
import { registrationOptions } from '@/lib/auth/passkeys/registration-options';
import { relyingParty } from '@/lib/auth/passkeys/relying-party';
import { signInOptions } from '@/lib/auth/passkeys/sign-in-options';
import { hasPasskeys, verifyPasskeySignIn } from '@/lib/auth/passkeys/verify-passkey-sign-in';
import { TestAuthenticator } from './support/webauthn-authenticator';
import { actorFor } from './queue-fixtures';

const PASSWORD = 'correct horse battery staple';
let passwordHash: string;

async function makeUser(email: string) {
  return db.user.create({ data: { email, passwordHash, role: 'moderator' } });
}

/** A user with one registered passkey, through the real registration verbs. */
async function enrolled(email: string) {
  const user = await makeUser(email);
  const ctx = { actor: actorFor(user) };
  const auth = new TestAuthenticator(relyingParty());
  const options = await registrationOptions({ ctx });
  await addPasskey({ ctx, input: { name: 'Test key', response: auth.register(options.challenge) } });
  return { user, auth };
}

async function challengeFor(email: string): Promise<string> {
  const res = await signInOptions({ input: { email, password: PASSWORD, ip: '127.0.0.1' } });
  if (!res.available) throw new Error('no passkey offered');
  return res.options.challenge;
}

beforeAll(async () => {
  passwordHash = await hashPassword(PASSWORD);
});

describe('passkey registration', () => {
  it('registers a credential and signs in with it; the counter and last use are recorded', async () => {
    const { user, auth } = await enrolled('reg@example.test');
    expect(await hasPasskeys(user.id)).toBe(true);
    const row = await db.passkey.findUniqueOrThrow({ where: { credentialId: auth.id } });
    expect(row).toMatchObject({ userId: user.id, name: 'Test key', counter: 0, transports: ['usb'], lastUsedAt: null });
    expect(await db.auditEvent.count({ where: { action: 'auth.passkey_added', targetId: user.id } })).toBe(1);

    const ok = await verifyPasskeySignIn({ userId: user.id, response: auth.assert(await challengeFor(user.email)) });
    expect(ok).toBe(true);
    const after = await db.passkey.findUniqueOrThrow({ where: { id: row.id } });
    expect(after.counter).toBe(1);
    expect(after.lastUsedAt).not.toBeNull();
  });

  it('excludes credentials already registered and refuses the same registration twice', async () => {
    const { user, auth } = await enrolled('twice@example.test');
    const ctx = { actor: actorFor(user) };
    const options = await registrationOptions({ ctx });
    expect(options.excludeCredentials?.map((c) => c.id)).toEqual([auth.id]);
    await expect(addPasskey({ ctx, input: { name: 'Again', response: auth.register(options.challenge) } })).rejects.toMatchObject({ code: 'conflict' });
  });

  it('refuses a registration with a challenge not issued, reused, or from another origin', async () => {
    const user = await makeUser('reg-bad@example.test');
    const ctx = { actor: actorFor(user) };
    const auth = new TestAuthenticator(relyingParty());
    await expect(addPasskey({ ctx, input: { name: 'k', response: auth.register('bm90LWlzc3VlZA') } })).rejects.toMatchObject({ code: 'bad_request' });
    const options = await registrationOptions({ ctx });
    await expect(addPasskey({ ctx, input: { name: 'k', response: auth.register(options.challenge, { origin: 'https://evil.example' }) } })).rejects.toMatchObject({ code: 'bad_request' });
    // The failed attempt consumed the challenge: the right origin now fails too.
    await expect(addPasskey({ ctx, input: { name: 'k', response: auth.register(options.challenge) } })).rejects.toMatchObject({ code: 'bad_request' });
    expect(await hasPasskeys(user.id)).toBe(false);
  });
});

describe('passkey sign-in assertions', () => {
  it('refuses a challenge that was never issued', async () => {
    const { user, auth } = await enrolled('wrong-challenge@example.test');
    await challengeFor(user.email);
    expect(await verifyPasskeySignIn({ userId: user.id, response: auth.assert('c29tZXRoaW5nLWVsc2U') })).toBe(false);
  });

  it('accepts a challenge once', async () => {
    const { user, auth } = await enrolled('reuse@example.test');
    const challenge = await challengeFor(user.email);
    expect(await verifyPasskeySignIn({ userId: user.id, response: auth.assert(challenge) })).toBe(true);
    expect(await verifyPasskeySignIn({ userId: user.id, response: auth.assert(challenge) })).toBe(false);
  });

  it('refuses an expired challenge', async () => {
    const { user, auth } = await enrolled('expired@example.test');
    const challenge = 'ZXhwaXJlZC1jaGFsbGVuZ2UtMTIzNDU2';
    await storeChallenge({ userId: user.id, purpose: 'authenticate', challenge }, new Date(Date.now() - CHALLENGE_TTL_MS - 1000));
    expect(await verifyPasskeySignIn({ userId: user.id, response: auth.assert(challenge) })).toBe(false);
  });

  it("refuses another user's credential and another user's challenge", async () => {
    const a = await enrolled('alice-pk@example.test');
    const b = await enrolled('bob-pk@example.test');
    // Bob's challenge, Alice's key, claimed as Bob: Alice's credential is not Bob's.
    expect(await verifyPasskeySignIn({ userId: b.user.id, response: a.auth.assert(await challengeFor(b.user.email)) })).toBe(false);
    // Alice's key on Bob's challenge, claimed as Alice: the challenge is not hers.
    expect(await verifyPasskeySignIn({ userId: a.user.id, response: a.auth.assert(await challengeFor(b.user.email)) })).toBe(false);
  });

  it('refuses a tampered signature, and a register challenge used for sign-in', async () => {
    const { user, auth } = await enrolled('tamper@example.test');
    expect(await verifyPasskeySignIn({ userId: user.id, response: auth.assert(await challengeFor(user.email), { tamper: true }) })).toBe(false);
    const reg = await registrationOptions({ ctx: { actor: actorFor(user) } });
    expect(await verifyPasskeySignIn({ userId: user.id, response: auth.assert(reg.challenge) })).toBe(false);
    expect(await verifyPasskeySignIn({ userId: user.id, response: auth.assert(await challengeFor(user.email)) })).toBe(true);
  });

  it('refuses a counter that goes backwards (a cloned key)', async () => {
    const { user, auth } = await enrolled('counter@example.test');
    expect(await verifyPasskeySignIn({ userId: user.id, response: auth.assert(await challengeFor(user.email), { counter: 5 }) })).toBe(true);
    expect(await verifyPasskeySignIn({ userId: user.id, response: auth.assert(await challengeFor(user.email), { counter: 3 }) })).toBe(false);
    expect((await db.passkey.findUniqueOrThrow({ where: { credentialId: auth.id } })).counter).toBe(5);
    expect(await verifyPasskeySignIn({ userId: user.id, response: auth.assert(await challengeFor(user.email), { counter: 6 }) })).toBe(true);
  });

  it('returns false for junk instead of throwing', async () => {
    const { user } = await enrolled('junk@example.test');
    for (const response of [null, 'x', { id: 'a' }, { id: '!!', rawId: '!!', type: 'public-key', response: {} }]) {
      expect(await verifyPasskeySignIn({ userId: user.id, response })).toBe(false);
    }
  });
});
