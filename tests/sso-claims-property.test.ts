/**
 * Claims come from an identity provider: remote data. Whatever a token or userinfo answer holds (any JSON, NUL bytes,
 * numbers where strings belong, huge strings, a groups claim of any shape), provisioning either signs in a user with
 * a mapped, non-owner role, or refuses with SsoRefused: it never throws anything else and never makes an owner.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { provisionSsoUser } from '@/lib/auth/sso/provision-sso-user';
import { groupsFromClaims } from '@/lib/auth/sso/role-from-groups';
import { SIGN_IN_ERRORS } from '@/lib/auth/sign-in-errors';
import { db } from '@/lib/db';

const settings = {
  issuer: 'https://idp.example.test/realms/prop', groupsClaim: 'groups',
  roleMap: [{ group: 'mods', role: 'moderator' as const }, { group: 'leads', role: 'admin' as const }],
};

const hostileString = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.constantFrom('', '\u0000', 'owner', 'mods', 'leads', 'a@b.example', 'x'.repeat(5000)));
const claim = fc.oneof(hostileString, fc.boolean(), fc.integer(), fc.constant(null), fc.array(hostileString, { maxLength: 5 }), fc.dictionary(hostileString, hostileString, { maxKeys: 3 }));
const claims = fc.record(
  { sub: claim, email: claim, email_verified: claim, name: claim, groups: claim, role: claim },
  { requiredKeys: [] },
);

describe('SSO claims are hostile input', () => {
  it('groupsFromClaims returns only non-empty strings, for any claim value', () => {
    fc.assert(fc.property(claim, (value) => {
      const groups = groupsFromClaims({ groups: value }, 'groups');
      expect(groups.every((g) => typeof g === 'string' && g !== '')).toBe(true);
    }));
  });

  it('provisioning signs in a mapped non-owner or refuses with SsoRefused, never anything else', async () => {
    await fc.assert(fc.asyncProperty(claims, async (c) => {
      try {
        const user = await provisionSsoUser({ input: { settings, claims: c } });
        const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
        expect(['moderator', 'admin']).toContain(row.role);
        expect(row.ssoSubject?.startsWith(`${settings.issuer}|`)).toBe(true);
      } catch (e) {
        expect(e).toBeInstanceOf(Error);
        expect((e as Error).message).toBe(SIGN_IN_ERRORS.ssoRefused);
      }
    }), { numRuns: 200 });
    expect(await db.user.count({ where: { role: 'owner' } })).toBe(0);
  }, 120_000);
});
