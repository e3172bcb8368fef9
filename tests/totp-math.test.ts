/**
 * The pure TOTP module against RFC 6238 appendix B (SHA-1) and RFC 4226 appendix D, the verify window, replay refusal,
 * base32, and recovery-code normalization; fast-check: no string as a code ever throws or matches by accident.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, findTotpStep, generateTotpSecret, hotp, otpauthUri, totpAt, totpStep, verifyTotp } from '@/lib/auth/totp/totp';
import { generateRecoveryCodes, hashRecoveryCode, normalizeRecoveryCode } from '@/lib/auth/totp/recovery-codes';

const RFC_KEY = Buffer.from('12345678901234567890', 'ascii');
const RFC_SECRET = base32Encode(RFC_KEY);

describe('RFC vectors', () => {
  it('matches RFC 6238 appendix B (SHA-1, 8 digits) and derives the 6-digit codes', () => {
    const vectors: [number, string][] = [
      [59, '94287082'], [1111111109, '07081804'], [1111111111, '14050471'],
      [1234567890, '89005924'], [2000000000, '69279037'], [20000000000, '65353130'],
    ];
    for (const [seconds, eight] of vectors) {
      const step = totpStep(seconds * 1000);
      expect(hotp(RFC_KEY, step, 8)).toBe(eight);
      // 6 digits is the same binary modulo 10^6: the last six digits of the 8-digit value.
      expect(totpAt(RFC_SECRET, step)).toBe(eight.slice(2));
    }
  });

  it('matches RFC 4226 appendix D (HOTP, 6 digits)', () => {
    const expected = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583', '399871', '520489'];
    expect(expected.map((_, i) => hotp(RFC_KEY, i))).toEqual(expected);
  });

  it('round-trips base32 (RFC 4648 vectors, no padding) and refuses non-base32', () => {
    const cases: [string, string][] = [['', ''], ['f', 'MY'], ['fo', 'MZXQ'], ['foo', 'MZXW6'], ['foob', 'MZXW6YQ'], ['fooba', 'MZXW6YTB'], ['foobar', 'MZXW6YTBOI']];
    for (const [plain, encoded] of cases) {
      expect(base32Encode(Buffer.from(plain))).toBe(encoded);
      expect(base32Decode(encoded)?.toString()).toBe(plain);
    }
    expect(base32Decode('mzxw 6ytb oi==')?.toString()).toBe('foobar');
    expect(base32Decode('MZXW1')).toBeNull();
    const secret = generateTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32Decode(secret)).toHaveLength(20);
  });

  it('builds the otpauth URI authenticator apps read', () => {
    const uri = new URL(otpauthUri('mod+1@example.org', 'ABC'));
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.host).toBe('totp');
    expect(decodeURIComponent(uri.pathname)).toBe('/Fedimod:mod+1@example.org');
    expect(uri.searchParams.get('secret')).toBe('ABC');
    expect(uri.searchParams.get('issuer')).toBe('Fedimod');
  });
});

describe('verifyTotp window and replay', () => {
  const secret = generateTotpSecret();
  const now = 1_900_000_000_000;
  const step = totpStep(now);

  it('accepts the previous, current and next step, and nothing further out', () => {
    for (const d of [-1, 0, 1]) expect(verifyTotp(secret, totpAt(secret, step + d), now, null)).toBe(step + d);
    for (const d of [-3, -2, 2, 3]) expect(verifyTotp(secret, totpAt(secret, step + d), now, null)).toBeNull();
  });

  it('refuses a code whose step is not newer than the last used one (replay, or an older code)', () => {
    const code = totpAt(secret, step);
    expect(verifyTotp(secret, code, now, step)).toBeNull();
    expect(verifyTotp(secret, totpAt(secret, step - 1), now, step)).toBeNull();
    expect(verifyTotp(secret, totpAt(secret, step + 1), now, step)).toBe(step + 1);
    expect(findTotpStep(secret, code, now)).toBe(step); // the replay is still recognisable as "already used"
  });

  it('accepts spaces people type, nothing but six digits', () => {
    const code = totpAt(secret, step);
    expect(verifyTotp(secret, `${code.slice(0, 3)} ${code.slice(3)}`, now, null)).toBe(step);
    expect(verifyTotp(secret, `${code}0`, now, null)).toBeNull();
    expect(verifyTotp(secret, code.slice(1), now, null)).toBeNull();
  });

  it('never throws and never matches by accident for arbitrary input', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.anything()), fc.integer({ min: 0, max: 4_000_000_000_000 }), (code, at) => {
        const expected = [-1, 0, 1].map((d) => totpStep(at) + d).filter((s) => s >= 0).map((s) => totpAt(secret, s));
        const got = verifyTotp(secret, code, at, null);
        if (got !== null) expect(expected).toContain(String(code).replace(/\s/g, ''));
      }),
      { numRuns: 500 },
    );
    fc.assert(fc.property(fc.string(), fc.string(), (badSecret, code) => { expect(() => verifyTotp(badSecret, code, now, null)).not.toThrow(); }));
  });
});

describe('recovery codes', () => {
  it('are ten distinct xxxx-xxxx-xxxx codes whose hash survives case, dashes and look-alikes', () => {
    const codes = generateRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{4}$/);
    expect(hashRecoveryCode('ab01-cd23-ef45')).toBe(hashRecoveryCode(' ABOI CD23 EF45 '));
    expect(hashRecoveryCode('ab0l-cd23-ef45')).toBe(hashRecoveryCode('ab01cd23ef45'));
    expect(normalizeRecoveryCode('abcd-efgh-jku9')).toBeNull(); // u is not in the alphabet
    expect(hashRecoveryCode('short')).toBeNull();
    fc.assert(fc.property(fc.string(), (s) => { expect(() => hashRecoveryCode(s)).not.toThrow(); }));
  });
});
