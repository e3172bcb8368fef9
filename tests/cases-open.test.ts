/**
 * Opening a case: three reports of the known-bad image on three instances and a rotated re-encoded copy on a fourth
 * land in ONE case (3 by SHA-256, 1 by PDQ with its dihedral variant); an unrelated image stays out; opening twice
 * (or twice at once) gives one case; the open is one transaction with its audit events.
 */
import { describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db';
import { openCase } from '@/lib/cases/open-case';
import { persistActor, systemActor, userActor } from './support/fixtures';
import { knownBadHashes, makeInstance, makePost, unrelatedHashes } from './cases-core-fixtures';

const mod = userActor('moderator', null, '00000000-0000-4000-8000-0000000000a1');

async function scenario() {
  const inst = [await makeInstance('a'), await makeInstance('b'), await makeInstance('c'), await makeInstance('d'), await makeInstance('e')];
  const orig = await knownBadHashes();
  const rotated = await knownBadHashes('reencoded-rotated');
  const posts = [
    await makePost(inst[0], orig, { reported: true }),
    await makePost(inst[1], orig, { reported: true }),
    await makePost(inst[2], orig, { reported: true }),
    await makePost(inst[3], rotated),
    await makePost(inst[4], await unrelatedHashes(), { reported: true, statusUri: 'https://elsewhere.test/1' }),
  ];
  return { inst, posts };
}

describe('openCase', () => {
  it('gathers every local copy (sha256 and rotated PDQ) and links their reports; an unrelated image stays out', async () => {
    await persistActor(mod);
    const { inst, posts } = await scenario();
    const out = await openCase({ ctx: { actor: mod }, input: { reportId: posts[0].reportId ?? '' } });
    expect(out.created).toBe(true);
    const copies = await db.caseCopy.findMany({ where: { caseId: out.caseId } });
    expect(copies).toHaveLength(4);
    expect(copies.filter((c) => c.foundBy === 'sha256')).toHaveLength(3);
    const pdq = copies.find((c) => c.foundBy === 'pdq');
    expect(pdq?.instanceId).toBe(inst[3]);
    expect(pdq?.variant).not.toBe('original');
    expect(pdq?.distance).toBeLessThanOrEqual(31);
    expect(copies.every((c) => c.foundVia === 'local' && c.copyKey.startsWith('post:'))).toBe(true);
    expect(copies.some((c) => c.instanceId === inst[4])).toBe(false);
    const links = await db.caseReport.findMany({ where: { caseId: out.caseId } });
    expect(links.map((l) => l.reportId).sort()).toEqual([posts[0].reportId, posts[1].reportId, posts[2].reportId].sort());
    const c = await db.case.findUniqueOrThrow({ where: { id: out.caseId } });
    expect(c).toMatchObject({ copyCount: 4, instanceCount: 4, reportCount: 3, openedVia: 'report', state: 'open', originUri: copies[0].originUri });
    expect(c.title).toBe('Reported media from spreader@spreader.test');
    const events = await db.auditEvent.findMany({ where: { targetType: 'case', targetId: out.caseId }, orderBy: { seq: 'asc' } });
    // The copy search is requested after commit, in its own transaction (its audit comes last).
    expect(events.map((e) => e.action).filter((a) => a !== 'case.lookup_requested')).toEqual(['case.opened', ...Array(4).fill('case.copy_found'), ...Array(3).fill('case.report_linked')]);
    const signals = await db.caseSignal.findMany({ where: { caseId: out.caseId } });
    expect(signals.map((s) => s.signalType).sort()).toEqual(['md5', 'md5', 'pdq', 'sha256', 'sha256']);

    // Again, from another copy's media: the same case, nothing written.
    const again = await openCase({ ctx: { actor: mod }, input: { mediaId: posts[3].mediaId ?? '' } });
    expect(again).toEqual({ caseId: out.caseId, number: out.number, created: false });
    expect(await db.case.count()).toBe(1);
  });

  it('two openers of one media at once end with one case', async () => {
    const inst = await makeInstance();
    const p = await makePost(inst, await unrelatedHashes(777), { reported: true, statusUri: 'https://x.test/2' });
    const before = await db.case.count();
    const both = await Promise.all([
      openCase({ ctx: { actor: systemActor }, input: { mediaId: p.mediaId ?? '' } }),
      openCase({ ctx: { actor: systemActor }, input: { reportId: p.reportId ?? '' } }),
    ]);
    expect(both[0].caseId).toBe(both[1].caseId);
    expect(both.filter((b) => b.created)).toHaveLength(1);
    expect(await db.case.count()).toBe(before + 1);
  });

  it('a report without media opens a case on its post', async () => {
    const inst = await makeInstance();
    const p = await makePost(inst, null, { reported: true, statusUri: 'https://origin.test/users/x/statuses/9', acct: 'x@origin.test', domain: 'origin.test' });
    const out = await openCase({ ctx: { actor: systemActor }, input: { reportId: p.reportId ?? '' } });
    const c = await db.case.findUniqueOrThrow({ where: { id: out.caseId } });
    expect(c).toMatchObject({ primaryMediaId: null, originUri: 'https://origin.test/users/x/statuses/9', originAcct: 'x@origin.test', reportCount: 1, copyCount: 0 });
  });

  it('a viewer cannot open a case; a moderator limited elsewhere does not see the media', async () => {
    const inst = await makeInstance();
    const p = await makePost(inst, await unrelatedHashes(991), { statusUri: 'https://x.test/3' });
    await expect(openCase({ ctx: { actor: userActor('viewer') }, input: { mediaId: p.mediaId ?? '' } })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(openCase({ ctx: { actor: userActor('moderator', [crypto.randomUUID()]) }, input: { mediaId: p.mediaId ?? '' } })).rejects.toMatchObject({ code: 'not_found' });
    await expect(openCase({ ctx: { actor: mod }, input: {} })).rejects.toMatchObject({ code: 'bad_request' });
  });

  it('is one transaction with its audit: a failing audit write leaves nothing', async () => {
    const inst = await makeInstance();
    const p = await makePost(inst, await unrelatedHashes(1234), { reported: true, statusUri: 'https://x.test/4' });
    const audit = await import('@/lib/audit/record-event');
    const real = audit.recordEvent;
    const before = { cases: await db.case.count(), copies: await db.caseCopy.count(), links: await db.caseReport.count(), signals: await db.caseSignal.count() };
    let calls = 0;
    // Fail on the last event (the report link): everything before it must roll back too.
    const spy = vi.spyOn(audit, 'recordEvent').mockImplementation((tx, input) => (++calls === 3 ? Promise.reject(new Error('audit down')) : real(tx, input)));
    await expect(openCase({ ctx: { actor: systemActor }, input: { reportId: p.reportId ?? '' } })).rejects.toThrow('audit down');
    spy.mockRestore();
    expect({ cases: await db.case.count(), copies: await db.caseCopy.count(), links: await db.caseReport.count(), signals: await db.caseSignal.count() }).toEqual(before);
  });
});
