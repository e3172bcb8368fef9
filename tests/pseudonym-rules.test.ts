/**
 * Pseudonym rules, the friendly generator, the signature and staffLabel (pure), then uniqueness and the change verb
 * against Postgres: audited with from/to, refused with words when taken (in any case), only oneself or an admin,
 * only owners for owners.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { changePseudonym } from '@/lib/team/change-pseudonym';
import { generatePseudonym, pseudonymCandidate } from '@/lib/team/generate-pseudonym';
import { checkPseudonym, PSEUDONYM_PATTERN, RESERVED_PSEUDONYMS } from '@/lib/team/pseudonym-rules';
import { appendSignature, formatSignature } from '@/lib/team/signature';
import { staffLabel } from '@/lib/team/staff-label';
import { createUser } from '@/lib/users/create-user';
import { systemActor, userActor } from './support/fixtures';

async function caught(fn: () => Promise<unknown>): Promise<AppError> {
  try { await fn(); } catch (e) { if (e instanceof AppError) return e; throw e; }
  throw new Error('expected an AppError');
}

describe('pseudonym rules', () => {
  it('any string either passes (and is a valid, non-reserved handle) or is refused with words', () => {
    const handleish = fc.stringMatching(/^[a-zA-Z0-9 -]{0,40}$/);
    fc.assert(fc.property(fc.oneof(fc.string({ maxLength: 50 }), handleish), (raw) => {
      const r = checkPseudonym(raw);
      if (r.ok) {
        expect(r.value).toMatch(PSEUDONYM_PATTERN);
        expect(r.value).not.toContain('--');
        expect(RESERVED_PSEUDONYMS).not.toContain(r.value);
        expect(r.value).toBe(raw.trim().toLowerCase());
      } else {
        expect(r.message.length).toBeGreaterThan(10);
        expect(r.message).toMatch(/[A-Za-z]+ [a-z]+/);
      }
    }), { numRuns: 2000 });
  });

  it('normalizes case and refuses the edge cases for the right reason', () => {
    expect(checkPseudonym('  Quiet-Heron ')).toEqual({ ok: true, value: 'quiet-heron' });
    expect(checkPseudonym('abc')).toEqual({ ok: true, value: 'abc' });
    expect(checkPseudonym('a'.repeat(32)).ok).toBe(true);
    expect(checkPseudonym('ab')).toMatchObject({ ok: false, message: expect.stringMatching(/at least 3/) });
    expect(checkPseudonym('a'.repeat(33))).toMatchObject({ ok: false, message: expect.stringMatching(/at most 32/) });
    expect(checkPseudonym('quiet--heron')).toMatchObject({ ok: false, message: expect.stringMatching(/single hyphens/) });
    expect(checkPseudonym('-heron')).toMatchObject({ ok: false, message: expect.stringMatching(/start or end/) });
    expect(checkPseudonym('héron')).toMatchObject({ ok: false, message: expect.stringMatching(/letters a to z/) });
    for (const word of RESERVED_PSEUDONYMS) expect(checkPseudonym(word.toUpperCase())).toMatchObject({ ok: false, message: expect.stringMatching(/reserved/) });
  });

  it('the generator always produces a valid pseudonym, with or without a number', () => {
    fc.assert(fc.property(fc.array(fc.nat(), { minLength: 2, maxLength: 2 }), fc.option(fc.integer({ min: 2, max: 9999 }), { nil: undefined }), ([a, b], suffix) => {
      const picks = [a!, b!];
      const candidate = pseudonymCandidate((max) => picks.shift()! % max, suffix);
      expect(checkPseudonym(candidate)).toEqual({ ok: true, value: candidate });
    }));
  });
});

describe('signature and staffLabel', () => {
  it('signs with the pseudonym or the team, and cuts the text, never the signature', () => {
    expect(formatSignature({ mode: 'pseudonym', pseudonym: 'quiet-heron', teamName: 'Harbor Mods' })).toBe('— quiet-heron (Harbor Mods)');
    expect(formatSignature({ mode: 'pseudonym', pseudonym: 'quiet-heron', teamName: '' })).toBe('— quiet-heron (fedimod)');
    expect(formatSignature({ mode: 'team', pseudonym: 'quiet-heron', teamName: '' })).toBe('— the moderation team');
    const sig = '— quiet-heron (fedimod)';
    expect(appendSignature('  hello ', sig, 1000)).toBe(`hello\n\n${sig}`);
    fc.assert(fc.property(fc.string({ maxLength: 3000 }), fc.integer({ min: 40, max: 2000 }), (text, limit) => {
      const out = appendSignature(text, sig, limit);
      expect(out.length).toBeLessThanOrEqual(limit);
      expect(out.endsWith(`\n\n${sig}`)).toBe(true);
    }));
  });

  it('shows the pseudonym when the team turns it on; admins also see the real name', () => {
    const u = { name: 'Ana Example', email: 'ana@example.test', pseudonym: 'calm-otter' };
    expect(staffLabel(u, { showPseudonyms: false, viewerIsAdmin: false })).toBe('Ana Example');
    expect(staffLabel({ ...u, name: ' ' }, { showPseudonyms: false, viewerIsAdmin: false })).toBe('ana@example.test');
    expect(staffLabel(u, { showPseudonyms: true, viewerIsAdmin: false })).toBe('calm-otter');
    expect(staffLabel(u, { showPseudonyms: true, viewerIsAdmin: true })).toBe('calm-otter (Ana Example)');
  });
});

describe('pseudonyms in the database', () => {
  it('new users get a friendly unique pseudonym; changes are audited; a taken one is refused with words', async () => {
    const made = [] as { id: string; pseudonym: string }[];
    for (const [i, role] of (['owner', 'admin', 'moderator', 'viewer'] as const).entries()) {
      const { user } = await createUser({ ctx: { actor: systemActor }, input: { email: `p${i}@example.test`, role, name: `Person ${i}` } });
      made.push(await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { id: true, pseudonym: true } }));
    }
    for (const m of made) expect(m.pseudonym).toMatch(/^[a-z]+-[a-z]+(-\d+)?$/);
    expect(new Set(made.map((m) => m.pseudonym)).size).toBe(4);
    const [owner, admin, moderator, viewer] = made.map((m, i) => ({ ...m, actor: userActor((['owner', 'admin', 'moderator', 'viewer'] as const)[i]!, null, m.id) }));

    // Oneself, any role.
    expect(await changePseudonym({ ctx: { actor: viewer!.actor }, input: { userId: viewer!.id, pseudonym: 'Still-Brook' } })).toEqual({ pseudonym: 'still-brook' });
    const ev = await db.auditEvent.findFirstOrThrow({ where: { action: 'user.pseudonym_changed', targetId: viewer!.id } });
    expect(ev.details).toEqual({ from: viewer!.pseudonym, to: 'still-brook' });

    // Taken, whatever the case; the unique index agrees.
    const taken = await caught(() => changePseudonym({ ctx: { actor: moderator!.actor }, input: { userId: moderator!.id, pseudonym: 'STILL-BROOK' } }));
    expect(taken.code).toBe('conflict');
    expect(taken.userMessage).toMatch(/already someone's pseudonym/);
    await expect(db.user.update({ where: { id: moderator!.id }, data: { pseudonym: 'still-brook' } })).rejects.toThrow();

    // Invalid is refused with the rule's words.
    await expect(changePseudonym({ ctx: { actor: moderator!.actor }, input: { userId: moderator!.id, pseudonym: 'admin' } })).rejects.toMatchObject({ code: 'bad_request', userMessage: expect.stringMatching(/reserved/) });

    // Not someone else's unless admin; owners only by owners.
    expect((await caught(() => changePseudonym({ ctx: { actor: moderator!.actor }, input: { userId: viewer!.id, pseudonym: 'mild-fern' } }))).code).toBe('forbidden');
    expect((await caught(() => changePseudonym({ ctx: { actor: admin!.actor }, input: { userId: owner!.id, pseudonym: 'mild-fern' } }))).code).toBe('forbidden');
    expect(await changePseudonym({ ctx: { actor: admin!.actor }, input: { userId: moderator!.id, pseudonym: 'mild-fern' } })).toEqual({ pseudonym: 'mild-fern' });
    expect(await changePseudonym({ ctx: { actor: owner!.actor }, input: { userId: admin!.id, pseudonym: 'green-cove' } })).toEqual({ pseudonym: 'green-cove' });
    expect(await db.auditEvent.count({ where: { action: 'user.pseudonym_changed' } })).toBe(3);
  });

  it('the generator numbers a pseudonym when every plain pair is taken', async () => {
    const always = () => 0; // always the first adjective and noun
    const first = await generatePseudonym(db, always);
    await db.user.create({ data: { email: 'g1@example.test', passwordHash: 'x', role: 'viewer', pseudonym: first } });
    const second = await generatePseudonym(db, always);
    expect(second).toMatch(new RegExp(`^${first}-\\d+$`));
    expect(checkPseudonym(second).ok).toBe(true);
  });
});
