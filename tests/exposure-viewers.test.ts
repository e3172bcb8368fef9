/**
 * Issue 15 point 3: reveals of originals are for moderators and above. Every way to an original answers a viewer
 * with 403 or hides it: the media original route (also with a reveal id), the reveal verb, the end beacon, the
 * evidence item route, and the media URLs of a case (they open the original on its server). Nothing is recorded
 * as an exposure or a reveal for the viewer.
 */
import crypto from 'node:crypto';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { canViewOriginals } from '@/lib/auth/policy';
import { db } from '@/lib/db';
import { getCase } from '@/lib/cases/get-case';
import { openCase } from '@/lib/cases/open-case';
import { sealEvidence } from '@/lib/evidence/seal-evidence';
import { revealMedia } from '@/lib/queue/reveal-media';
import { matchedReport, person } from './exposure-fixtures';
import { makeInstance } from './queue-fixtures';
import { jsonRequest as req, routeParams as p } from './support/route-requests';

import { session } from './support/session-stub';
vi.mock('@/lib/auth/current-actor', () => import('./support/session-stub').then((m) => m.currentActorMock()));
vi.mock('@/lib/jobs/enqueue', async (orig) => ({ ...(await orig<object>()), enqueueCopySearch: vi.fn(async () => {}) }));
const { GET: originalGet } = await import('@/app/api/media/[id]/original/route');
const { POST: itemPost } = await import('@/app/api/evidence/[evidenceId]/items/[n]/route');

let mediaId = '';
let caseId = '';
let evidenceId = '';

beforeAll(async () => {
  const inst = await makeInstance('viewers');
  const { media } = await matchedReport(inst.id, 4, 'ncii');
  mediaId = media.id;
  await db.media.update({ where: { id: media.id }, data: { sha256: crypto.randomBytes(32).toString('hex'), url: 'https://viewers.example/files/original.png' } });
  const admin = await person('admin');
  caseId = (await openCase({ ctx: { actor: admin.actor }, input: { mediaId } })).caseId;
  await db.caseCopy.updateMany({ where: { caseId }, data: { mediaUrl: 'https://copy.example/files/original.png', originMediaUrl: 'https://origin.example/files/original.png' } });
  await db.case.update({ where: { id: caseId }, data: { originMediaUrl: 'https://origin.example/files/original.png' } });
  evidenceId = (await sealEvidence({ ctx: { actor: admin.actor }, input: { caseId, reason: 'before purge' } })).evidenceId;
});

describe('viewers never reveal', () => {
  it('the policy: moderators and up', async () => {
    for (const [role, ok] of [['viewer', false], ['moderator', true], ['admin', true], ['owner', true]] as const) {
      expect(canViewOriginals((await person(role)).actor), role).toBe(ok);
    }
  });

  it('403 for the original, the reveal verb, the end beacon and an evidence item; nothing recorded', async () => {
    const viewer = await person('viewer');
    await db.user.update({ where: { id: viewer.user.id }, data: { evidenceAccess: true } }); // a grant does not make a viewer see originals
    session.actor = viewer.actor;
    const revealId = crypto.randomUUID();
    expect((await originalGet(new Request(`http://app.test/api/media/${mediaId}/original?reveal=${revealId}`), p({ id: mediaId }))).status).toBe(403);
    await expect(revealMedia({ ctx: { actor: viewer.actor }, input: { mediaId, revealId } })).rejects.toMatchObject({ code: 'forbidden' });
    const { POST: endPost } = await import('@/app/api/exposure/reveals/[id]/end/route');
    expect((await endPost(new Request(`http://app.test/api/exposure/reveals/${revealId}/end`, { method: 'POST' }), p({ id: revealId }))).status).toBe(403);
    expect((await itemPost(req(`/api/evidence/${evidenceId}/items/0`, 'POST', { reason: 'just looking' }), p({ evidenceId, n: '0' }))).status).toBe(403);
    expect(await db.exposureEvent.count({ where: { userId: viewer.user.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { actorId: viewer.user.id, action: { in: ['media.reveal', 'evidence.viewed'] } } })).toBe(0);

    const mod = await person();
    session.actor = mod.actor;
    expect((await originalGet(new Request(`http://app.test/api/media/${mediaId}/original?reveal=${revealId}`), p({ id: mediaId }))).status).toBe(200);
    expect(await db.exposureEvent.count({ where: { userId: mod.user.id, kind: 'reveal', severity: 4, label: 'ncii' } })).toBe(1);
  });

  it('a case shows a viewer no media URL (it would open the original on its server); a moderator sees them', async () => {
    const asViewer = await getCase({ ctx: { actor: (await person('viewer')).actor }, input: { id: caseId } });
    expect(asViewer.origin.mediaUrl).toBeNull();
    expect(asViewer.copies.length).toBeGreaterThan(0);
    for (const c of asViewer.copies) expect([c.mediaUrl, c.originMediaUrl]).toEqual([null, null]);
    expect(JSON.stringify(asViewer)).not.toContain('files/original.png');
    const asModerator = await getCase({ ctx: { actor: (await person()).actor }, input: { id: caseId } });
    expect(asModerator.origin.mediaUrl).toBe('https://origin.example/files/original.png');
    expect(asModerator.copies[0].mediaUrl).toBe('https://copy.example/files/original.png');
  });
});
