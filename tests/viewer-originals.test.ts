/**
 * Issue 8 point 5: originals are need-to-know; viewers get the blurred preview and a 403 for the original, at the
 * route (its choke point asks for 'moderator') and in the verb (authorization twice). Nothing is audited as a reveal.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db';
import { revealMedia } from '@/lib/queue/reveal-media';
import { actorFor, makeAccount, makeInstance, makeMediaForReport, makeReport, makeUser } from './queue-fixtures';

// The session layer is a stub; the role check is the real one, applied to whatever minimum the route asks for.
import { session } from './support/session-stub';
vi.mock('@/lib/auth/current-actor', () => import('./support/session-stub').then((m) => m.currentActorMock()));

const { GET: originalGet } = await import('@/app/api/media/[id]/original/route');
const { GET: previewGet } = await import('@/app/api/media/[id]/preview/route');
const params = (id: string) => ({ params: Promise.resolve({ id }) });

let mediaId = '';
let reportId = '';

beforeAll(async () => {
  const inst = await makeInstance('originals');
  const report = await makeReport({ instanceId: inst.id, targetId: (await makeAccount(inst.id)).id, mediaCount: 1 });
  mediaId = (await makeMediaForReport(report.id, inst.id)).media.id;
  reportId = report.id;
});

describe('originals are for moderators and up', () => {
  it('answers 403 to a viewer for the original, 200 for the preview', async () => {
    session.actor = actorFor(await makeUser('viewer'));
    const original = await originalGet(new Request(`http://app.test/api/media/${mediaId}/original?report=${reportId}`), params(mediaId));
    expect(original.status).toBe(403);
    expect((await previewGet(new Request(`http://app.test/api/media/${mediaId}/preview`), params(mediaId))).status).toBe(200);
    await expect(revealMedia({ ctx: { actor: session.actor }, input: { mediaId } })).rejects.toMatchObject({ code: 'forbidden' });
    expect(await db.auditEvent.count({ where: { action: 'media.reveal' } })).toBe(0);
  });

  it('serves the original to a moderator and audits it', async () => {
    session.actor = actorFor(await makeUser('moderator'));
    const original = await originalGet(new Request(`http://app.test/api/media/${mediaId}/original?report=${reportId}`), params(mediaId));
    expect(original.status).toBe(200);
    expect(await db.auditEvent.count({ where: { action: 'media.reveal' } })).toBe(1);
  });
});
