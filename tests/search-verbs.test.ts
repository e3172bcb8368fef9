/**
 * Search against a real database: every kind is found, a moderator limited to one instance never gets a report,
 * post, account, note or media of another, LIKE wildcards in q match themselves, hash search (exact SHA-256/MD5,
 * PDQ within distance 31), and arbitrary text never breaks it (only results or a clear bad_request).
 */
import crypto from 'node:crypto';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { UserActor } from '@/lib/auth/current-actor';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { search } from '@/lib/search/search';
import type { SearchKind, SearchResult } from '@/lib/search/types';
import { actorFor, makeAccount, makeInstance, makeMediaForReport, makeReport, makeUser } from './queue-fixtures';

let admin: UserActor;
let limited: UserActor;
let viewer: UserActor;
const s: Record<string, string> = {};
const PDQ = 'a5'.repeat(32);
const flipDigits = (hex: string, n: number, mask: number) =>
  hex.split('').map((c, i) => (i < n ? (parseInt(c, 16) ^ mask).toString(16) : c)).join('');

async function remoteAccount(instanceId: string, username: string, domain: string, displayName = '') {
  return db.account.create({ data: { instanceId, remoteId: `acc-${crypto.randomUUID()}`, username, acct: `${username}@${domain}`, domain, displayName } });
}

beforeAll(async () => {
  const a = await makeInstance('searcha');
  const b = await makeInstance('searchb');
  admin = actorFor(await makeUser('admin'));
  viewer = actorFor(await makeUser('viewer'));
  const mod = await makeUser('moderator');
  await db.userInstance.create({ data: { userId: mod.id, instanceId: a.id } });
  limited = actorFor(mod, [a.id]);

  const aliceA = await remoteAccount(a.id, 'Alice', 'far.example', 'Alice Wonder');
  const aliceB = await remoteAccount(b.id, 'alice', 'far.example', 'Alice W.');
  const hiddenOnly = await remoteAccount(b.id, 'zorro', 'hidden-only.example', 'Zorro');
  const local = await makeAccount(a.id, 'localbob');

  const rA = await makeReport({ instanceId: a.id, targetId: aliceA.id, comment: 'Selling watches 100% off_sale, see the zebra link' });
  const rB = await makeReport({ instanceId: b.id, targetId: hiddenOnly.id, comment: 'zebra spam from the hidden instance, 50% off' });
  const rOther = await makeReport({ instanceId: a.id, targetId: local.id, comment: 'offXsale and 100 percent' });
  Object.assign(s, { a: a.id, b: b.id, rA: rA.id, rB: rB.id, rOther: rOther.id, rARemote: rA.remoteId, aliceB: aliceB.id });

  const mA = await makeMediaForReport(rA.id, a.id);
  const mB = await makeMediaForReport(rB.id, b.id);
  await db.status.update({ where: { id: mA.status.id }, data: { contentHtml: '<p>Cheap <span class="hashtag">quokka</span> plushies</p>', accountId: aliceA.id, remoteCreatedAt: new Date() } });
  await db.status.update({ where: { id: mB.status.id }, data: { contentHtml: '<p>quokka plushies on the hidden side</p>' } });
  const sha = crypto.createHash('sha256').update('search-media').digest('hex');
  const md5 = crypto.createHash('md5').update('search-media').digest('hex');
  await db.media.update({ where: { id: mA.media.id }, data: { sha256: sha, md5, pdqHash: PDQ } });
  await db.media.update({ where: { id: mB.media.id }, data: { sha256: sha, md5, pdqHash: PDQ } });
  const far = await makeMediaForReport(rOther.id, a.id);
  await db.media.update({ where: { id: far.media.id }, data: { pdqHash: flipDigits(PDQ, 12, 0xf) } }); // 48 bits away
  Object.assign(s, { sha, md5, mA: mA.media.id, mB: mB.media.id, far: far.media.id, postA: mA.status.id, postB: mB.status.id });

  await db.teamNote.createMany({ data: [
    { subjectType: 'report', subjectKey: rA.id, authorLabel: 'x@example.test', body: 'Looks like the walrus ring again' },
    { subjectType: 'report', subjectKey: rB.id, authorLabel: 'x@example.test', body: 'walrus ring on the hidden instance' },
    { subjectType: 'account', subjectKey: 'alice@far.example', authorLabel: 'x@example.test', body: 'walrus ring member' },
  ] });
  const hiddenCase = await db.case.create({ data: { title: 'hidden', openedVia: 'report', openedByLabel: 'x' } });
  await db.caseReport.create({ data: { caseId: hiddenCase.id, reportId: rB.id } });
  await db.caseNote.create({ data: { caseId: hiddenCase.id, authorLabel: 'x', body: 'walrus case note, hidden' } });
  const seenCase = await db.case.create({ data: { title: 'seen', openedVia: 'report', openedByLabel: 'x' } });
  await db.caseReport.create({ data: { caseId: seenCase.id, reportId: rA.id } });
  await db.caseNote.create({ data: { caseId: seenCase.id, authorLabel: 'x', body: 'walrus case note, visible' } });
  Object.assign(s, { hiddenCase: hiddenCase.id, seenCase: seenCase.id });
});

const run = (actor: UserActor, q: string, kinds?: SearchKind[]) => search({ ctx: { actor }, input: { q, kinds } });
const group = (r: SearchResult, kind: SearchKind) => r.groups.find((g) => g.kind === kind)!;
const hrefs = (r: SearchResult, kind: SearchKind) => group(r, kind).items.map((i) => i.href);

describe('search finds each kind', () => {
  it('reports by comment, remote id and our id, newest first, with the match in the excerpt', async () => {
    const r = await run(admin, 'ZEBRA', ['reports']);
    expect(hrefs(r, 'reports').sort()).toEqual([`/reports/${s.rA}`, `/reports/${s.rB}`].sort());
    expect(group(r, 'reports').total).toBe('2');
    expect(group(r, 'reports').items[0].excerpt.toLowerCase()).toContain('zebra');
    expect(hrefs(await run(admin, s.rARemote, ['reports']), 'reports')).toEqual([`/reports/${s.rA}`]);
    expect(hrefs(await run(admin, s.rA.toUpperCase(), ['reports']), 'reports')).toEqual([`/reports/${s.rA}`]);
  });

  it('accounts grouped by handle across instances, by username, display name or full handle', async () => {
    for (const q of ['alice', 'Wonder', '@alice@far.example']) {
      const g = group(await run(admin, q, ['accounts']), 'accounts');
      expect(g.items.map((i) => i.id), q).toEqual(['alice@far.example']);
      expect(g.items[0].href).toBe('/accounts/alice%40far.example');
      expect(g.items[0].detail).toContain('2 instances');
    }
  });

  it('domains from accounts and connected instances, prefix first', async () => {
    const g = group(await run(admin, 'far.ex', ['domains']), 'domains');
    expect(g.items.map((i) => i.id)).toEqual(['far.example']);
    expect(g.items[0].href).toBe('/domains/far.example');
    const inst = group(await run(admin, 'searcha', ['domains']), 'domains');
    expect(inst.items[0].detail).toContain('connected instance');
  });

  it('posts by their text (not their markup), linking to the report that includes them', async () => {
    const g = group(await run(admin, 'quokka plushies', ['posts']), 'posts');
    expect(g.items.map((i) => i.href).sort()).toEqual([`/reports/${s.rA}`, `/reports/${s.rB}`].sort());
    expect(g.items.every((i) => !i.excerpt.includes('<'))).toBe(true);
    expect(group(await run(admin, 'hashtag', ['posts']), 'posts').items).toEqual([]);
  });

  it('team notes and case notes, linking to their subject', async () => {
    const got = hrefs(await run(admin, 'walrus', ['notes']), 'notes');
    expect(got.sort()).toEqual([`/reports/${s.rA}`, `/reports/${s.rB}`, '/accounts/alice%40far.example', `/cases/${s.hiddenCase}`, `/cases/${s.seenCase}`].sort());
  });

  it('hashes: exact SHA-256 and MD5, PDQ within distance 31 but not beyond', async () => {
    const bySha = group(await run(admin, s.sha.toUpperCase(), ['hashes']), 'hashes');
    expect(bySha.items.map((i) => i.id).sort()).toEqual([s.mA, s.mB].sort());
    expect(bySha.items[0].detail).toContain('SHA-256');
    expect(bySha.items.find((i) => i.id === s.mA)?.href).toBe(`/reports/${s.rA}`);
    expect(group(await run(admin, `md5:${s.md5}`, ['hashes']), 'hashes').items.map((i) => i.id).sort()).toEqual([s.mA, s.mB].sort());
    const near = flipDigits(PDQ, 7, 0x1); // 7 bits away
    const byPdq = group(await run(admin, near, ['hashes']), 'hashes');
    expect(byPdq.items.map((i) => i.id).sort()).toEqual([s.mA, s.mB].sort());
    expect(byPdq.items[0].detail).toContain('PDQ distance 7');
    expect(byPdq.items.map((i) => i.id)).not.toContain(s.far);
    expect(group(await run(admin, flipDigits(PDQ, 12, 0xf), ['hashes']), 'hashes').items.map((i) => i.id)).toEqual([s.far]);
  });

  it('a q that is not a hash gives an empty hashes group, and a viewer may search', async () => {
    const r = await run(viewer, 'zebra');
    expect(group(r, 'hashes')).toEqual({ kind: 'hashes', total: '0', items: [] });
    expect(r.groups.map((g) => g.kind)).toEqual(['reports', 'accounts', 'domains', 'posts', 'notes', 'hashes']);
  });
});

describe('a moderator limited to one instance', () => {
  it('never gets a report, account, domain, post, note or media of another instance', async () => {
    const all = JSON.stringify((await Promise.all([
      run(limited, 'zebra'), run(limited, 'alice'), run(limited, 'zorro'), run(limited, 'hidden-only'),
      run(limited, 'quokka'), run(limited, 'walrus'), run(limited, s.sha), run(limited, PDQ),
      run(limited, s.rB), run(limited, 'searchb'),
    ])).map((r) => r.groups)); // the groups only: q itself echoes what was typed
    for (const id of [s.rB, s.mB, s.postB, s.hiddenCase, s.b, 'zorro', 'hidden-only', 'searchb']) expect(all, id).not.toContain(id);
    // What they can see is still there.
    expect(all).toContain(s.rA);
    expect(all).toContain(s.mA);
    expect(all).toContain(s.seenCase);
    // The account is theirs to see through instance A only.
    expect(group(await run(limited, 'alice', ['accounts']), 'accounts').items[0].detail).toContain('1 instance');
    // Account notes are about a remote actor: every staff member reads them.
    expect(hrefs(await run(limited, 'walrus ring member', ['notes']), 'notes')).toEqual(['/accounts/alice%40far.example']);
  });
});

describe('bad and odd input', () => {
  it('escapes % and _ so they match themselves', async () => {
    expect(hrefs(await run(admin, '100%', ['reports']), 'reports')).toEqual([`/reports/${s.rA}`]);
    expect(hrefs(await run(admin, '%', ['reports']), 'reports').sort()).toEqual([`/reports/${s.rA}`, `/reports/${s.rB}`].sort());
    expect(hrefs(await run(admin, 'off_sale', ['reports']), 'reports')).toEqual([`/reports/${s.rA}`]);
    expect(hrefs(await run(admin, 'f_s', ['reports']), 'reports')).toEqual([`/reports/${s.rA}`]);
    expect(hrefs(await run(admin, '\\', ['reports']), 'reports')).toEqual([]);
  });

  it('refuses an empty or overlong q and unknown kinds with a clear message', async () => {
    for (const input of [{ q: '   ' }, { q: 'x'.repeat(201) }, { q: 'a', kinds: ['everything'] }, { q: 'a', limit: '0' }]) {
      const e = await search({ ctx: { actor: admin }, input }).catch((x: unknown) => x);
      expect(e, JSON.stringify(input)).toBeInstanceOf(AppError);
      expect((e as AppError).code).toBe('bad_request');
      expect((e as AppError).userMessage).not.toMatch(/invalid|zod/i);
    }
  });

  it('never throws anything but bad_request for arbitrary text', async () => {
    await fc.assert(fc.asyncProperty(fc.string({ maxLength: 220, unit: 'binary' }), async (q) => {
      try {
        const r = await run(limited, q);
        expect(r.groups).toHaveLength(6);
      } catch (e) {
        expect(e).toBeInstanceOf(AppError);
        expect((e as AppError).code).toBe('bad_request');
      }
    }), { numRuns: 40, examples: [['a\u0000b'], ['\ud800x'], ["'; drop table \"Report\"; --"], ['%_\\%']] });
  });
});
