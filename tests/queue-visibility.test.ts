import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { getMediaPreview } from '@/lib/queue/get-media-preview';
import { getReport } from '@/lib/queue/get-report';
import { listQueue } from '@/lib/queue/list-queue';
import { revealMedia } from '@/lib/queue/reveal-media';
import { actorFor, makeAccount, makeInstance, makeMediaForReport, makeReport, makeUser } from './queue-fixtures';

describe('a moderator limited to one instance', () => {
  it('never sees another instance’s reports, details or media', async () => {
    const [mine, theirs] = [await makeInstance('mine'), await makeInstance('theirs')];
    const [tMine, tTheirs] = [await makeAccount(mine.id), await makeAccount(theirs.id)];
    const own = await makeReport({ instanceId: mine.id, targetId: tMine.id });
    const hidden = await makeReport({ instanceId: theirs.id, targetId: tTheirs.id, priority: 999 });
    const hiddenMedia = await makeMediaForReport(hidden.id, theirs.id);
    const user = await makeUser('moderator');
    const actor = actorFor(user, [mine.id]);

    for (const sort of ['newest', 'oldest', 'priority'] as const) {
      const page = await listQueue({ ctx: { actor }, input: { sort } });
      expect(page.items.map((r) => r.id)).toEqual([own.id]);
      expect(page.counts.map((c) => c.instanceId)).toEqual([mine.id]);
    }
    expect((await listQueue({ ctx: { actor }, input: { instanceId: theirs.id } })).items).toEqual([]);

    await expect(getReport({ ctx: { actor }, input: { id: hidden.id } })).rejects.toMatchObject({ code: 'not_found' });
    await expect(getMediaPreview({ ctx: { actor }, input: { mediaId: hiddenMedia.media.id } })).rejects.toMatchObject({ code: 'not_found' });
    await expect(revealMedia({ ctx: { actor }, input: { mediaId: hiddenMedia.media.id } })).rejects.toMatchObject({ code: 'not_found' });
    expect(await db.auditEvent.count({ where: { action: 'media.reveal' } })).toBe(0);

    // Earlier reports come from the same target account, which belongs to one instance.
    const detail = await getReport({ ctx: { actor }, input: { id: own.id } });
    expect(detail.earlierReports).toEqual([]);
  });

  it('a viewer sees reports but may not act', async () => {
    const inst = await makeInstance('viewing');
    const target = await makeAccount(inst.id);
    const first = await makeReport({ instanceId: inst.id, targetId: target.id, remoteCreatedAt: new Date('2026-01-01T00:00:00Z'), comment: 'first' });
    const second = await makeReport({ instanceId: inst.id, targetId: target.id });
    const viewer = actorFor(await makeUser('viewer'));
    const detail = await getReport({ ctx: { actor: viewer }, input: { id: second.id } });
    expect(detail.canAct).toBe(false);
    expect(detail.earlierReports.map((r) => r.id)).toEqual([first.id]);
    expect(detail.earlierReports[0].excerpt).toBe('first');
    expect(detail.earlierTotal).toBe(1);
  });
});
