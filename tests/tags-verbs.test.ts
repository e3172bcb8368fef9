/**
 * Tags: normalization (fast-check: never throws, always lower case within 1-32 allowed characters, idempotent),
 * batch add and remove in one audit event each, all-or-nothing visibility for a limited moderator, tagsFor in one
 * batch, the known tags with counts; the route's status codes.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { UserActor } from '@/lib/auth/current-actor';
import { db } from '@/lib/db';
import { checkTag } from '@/lib/tags/normalize-tag';
import { addTags, removeTag, removeTags } from '@/lib/tags/change-tags';
import { tagsFor } from '@/lib/tags/tags-for';
import { listKnownTags } from '@/lib/tags/list-known-tags';
import { actorFor, makeAccount, makeInstance, makeReport, makeUser } from './queue-fixtures';
import { jsonRequest } from './support/route-requests';

import { session } from './support/session-stub';
vi.mock('@/lib/auth/current-actor', () => import('./support/session-stub').then((m) => m.currentActorMock()));
const tagsRoute = await import('@/app/api/tags/route');

describe('checkTag', () => {
  it('trims, lower-cases and refuses others with words', () => {
    expect(checkTag('  Spam  Wave ')).toEqual({ ok: true, tag: 'spam wave' });
    expect(checkTag('csam_hit-2')).toEqual({ ok: true, tag: 'csam_hit-2' });
    expect(checkTag('')).toMatchObject({ ok: false, message: 'Write the tag first.' });
    expect(checkTag('x'.repeat(33))).toMatchObject({ ok: false, message: 'A tag is at most 32 characters.' });
    expect(checkTag('héllo')).toMatchObject({ ok: false });
    expect(checkTag('<b>')).toMatchObject({ ok: false });
    expect(checkTag(42)).toMatchObject({ ok: false });
  });

  it('never throws; accepted tags are normalized and stable', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.string({ unit: fc.constantFrom('a', 'B', ' ', '-', '_', '9', 'é', '\t') }), fc.anything()), (raw) => {
      const c = checkTag(raw);
      if (c.ok) {
        expect(c.tag).toMatch(/^[a-z0-9 _-]{1,32}$/);
        expect(c.tag).toBe(c.tag.trim());
        expect(checkTag(c.tag)).toEqual(c);
      } else {
        expect(c.message.length).toBeGreaterThan(0);
      }
    }), { numRuns: 1000 });
  });
});

let A: string; let B: string; let r1: string; let r2: string; let rB: string;
let viewer: UserActor; let mod: UserActor; let limitedB: UserActor;

beforeAll(async () => {
  A = (await makeInstance('tags-a')).id;
  B = (await makeInstance('tags-b')).id;
  const acc = (await makeAccount(A)).id;
  r1 = (await makeReport({ instanceId: A, targetId: acc })).id;
  r2 = (await makeReport({ instanceId: A, targetId: acc })).id;
  rB = (await makeReport({ instanceId: B, targetId: (await makeAccount(B)).id })).id;
  viewer = actorFor(await makeUser('viewer'));
  mod = actorFor(await makeUser('moderator'));
  limitedB = actorFor(await makeUser('moderator'), [B]);
});

describe('addTags and removeTags', () => {
  it('tags many subjects at once, once each, in one audit event', async () => {
    const out = await addTags({ ctx: { actor: mod }, input: { subjectType: 'report', subjectKeys: [r1, r2, r1], tags: ['Spam', 'spam', 'wave 3'] } });
    expect(out.added).toBe(4);
    expect((await addTags({ ctx: { actor: mod }, input: { subjectType: 'report', subjectKeys: [r1], tags: ['spam'] } })).added).toBe(0);
    const map = await tagsFor('report', [r1, r2, rB]);
    expect(map.get(r1)).toEqual(['spam', 'wave 3']);
    expect(map.get(r2)).toEqual(['spam', 'wave 3']);
    expect(map.has(rB)).toBe(false);
    const ev = await db.auditEvent.findFirstOrThrow({ where: { action: 'tag.added' }, orderBy: { seq: 'asc' } });
    expect(ev.details).toMatchObject({ subjectType: 'report', subjectKeys: [r1, r2], tags: ['spam', 'wave 3'], added: 4 });
    expect(await listKnownTags({ ctx: { actor: viewer } })).toEqual([{ tag: 'spam', count: 2 }, { tag: 'wave 3', count: 2 }]);
  });

  it('removes, in batch or one chip at a time', async () => {
    expect((await removeTags({ ctx: { actor: mod }, input: { subjectType: 'report', subjectKeys: [r1, r2], tags: ['wave 3'] } })).removed).toBe(2);
    expect((await removeTag({ ctx: { actor: mod }, input: { subjectType: 'report', subjectKey: r1, tag: 'SPAM' } })).removed).toBe(1);
    expect((await tagsFor('report', [r1, r2])).get(r2)).toEqual(['spam']);
    expect(await db.auditEvent.count({ where: { action: 'tag.removed' } })).toBe(2);
  });

  it('refuses viewers, bad tags, and changes nothing when one subject is hidden', async () => {
    await expect(addTags({ ctx: { actor: viewer }, input: { subjectType: 'report', subjectKeys: [r1], tags: ['x'] } })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(addTags({ ctx: { actor: mod }, input: { subjectType: 'report', subjectKeys: [r1], tags: ['no!'] } })).rejects.toMatchObject({ code: 'bad_request', userMessage: expect.stringContaining('is not a tag') });
    await expect(addTags({ ctx: { actor: mod }, input: { subjectType: 'report', subjectKeys: [r1], tags: Array.from({ length: 11 }, (_, i) => `t${i}`) } })).rejects.toMatchObject({ code: 'bad_request' });
    await expect(addTags({ ctx: { actor: limitedB }, input: { subjectType: 'report', subjectKeys: [rB, r1], tags: ['mine'] } })).rejects.toMatchObject({ code: 'not_found' });
    expect((await tagsFor('report', [rB])).size).toBe(0);
    expect((await addTags({ ctx: { actor: limitedB }, input: { subjectType: 'report', subjectKeys: [rB], tags: ['mine'] } })).added).toBe(1);
    expect((await addTags({ ctx: { actor: limitedB }, input: { subjectType: 'account', subjectKeys: ['@X@Bad.Example'], tags: ['troll'] } })).added).toBe(1);
    expect((await tagsFor('account', ['x@bad.example'])).get('x@bad.example')).toEqual(['troll']);
  });
});

describe('route', () => {
  it('reads for viewers, writes for moderators, 400 with words for junk', async () => {
    session.actor = null;
    expect((await tagsRoute.GET(jsonRequest('/api/tags'))).status).toBe(401);
    session.actor = viewer;
    const known = (await (await tagsRoute.GET(jsonRequest('/api/tags'))).json()) as { tags: { tag: string }[] };
    expect(known.tags.map((t) => t.tag)).toContain('spam');
    expect(await (await tagsRoute.GET(jsonRequest(`/api/tags?subjectType=report&subjectKey=${r2}`))).json()).toEqual({ tags: ['spam'] });
    expect((await tagsRoute.POST(jsonRequest('/api/tags', 'POST', { subjectType: 'report', subjectKeys: [r2], add: ['x'] }))).status).toBe(403);
    session.actor = mod;
    const ok = await tagsRoute.POST(jsonRequest('/api/tags', 'POST', { subjectType: 'report', subjectKeys: [r2], add: ['urgent'], remove: ['spam'] }));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ added: 1, removed: 1, tags: { [r2]: ['urgent'] } });
    const bad = await tagsRoute.POST(jsonRequest('/api/tags', 'POST', { subjectType: 'report', subjectKeys: [r2], add: ['<script>'] }));
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toContain('is not a tag');
    expect((await tagsRoute.POST(jsonRequest('/api/tags', 'POST', { subjectType: 'report', subjectKeys: [r2] }))).status).toBe(400);
    expect((await tagsRoute.POST(jsonRequest('/api/tags', 'POST', { subjectType: 'report', subjectKeys: [] , add: ['a'] }))).status).toBe(400);
    session.actor = limitedB;
    expect((await tagsRoute.GET(jsonRequest(`/api/tags?subjectType=report&subjectKey=${r2}`))).status).toBe(404);
  });
});
