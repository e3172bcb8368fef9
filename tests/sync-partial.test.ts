/**
 * Partial payloads at the sync level (contracts I1, I2): what a payload does not carry keeps the stored value.
 * Also: a page written as one batch gives the same rows and priorities as the same reports written one by one.
 */
import { describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db';
import { syncInstance } from '@/lib/sync/sync-instance';
import { upsertReport } from '@/lib/sync/upsert-report';
import { account, report, scriptedInstance } from './sync-fake-connector';

vi.mock('@/lib/instances/connector-for', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/lib/instances/connector-for')>();
  const { servers, scriptedConnector } = await import('./sync-fake-connector');
  return {
    ...real,
    connectorFor: async (instance: Parameters<typeof real.connectorFor>[0]) => {
      const server = servers.get(instance.id);
      return server ? scriptedConnector(server) : real.connectorFor(instance);
    },
  };
});

describe('partial payloads', () => {
  it('account flags the payload does not carry keep the stored value; flags it carries are applied', async () => {
    const { instanceId, server } = await scriptedInstance([[report('1', { target: account('t', { suspended: false, silenced: true }) })]]);
    await syncInstance(instanceId);
    // The app suspended the account itself; the next payload (PeerTube abuse, Misskey UserLite) has no block state.
    await db.account.updateMany({ where: { instanceId, remoteId: 't' }, data: { suspended: true } });
    server.pages = [[report('1', { comment: 'edited', target: account('t') })]];
    await syncInstance(instanceId);
    const row = () => db.account.findFirstOrThrow({ where: { instanceId, remoteId: 't' } });
    expect(await row()).toMatchObject({ suspended: true, silenced: true });
    server.pages = [[report('1', { comment: 'edited again', target: account('t', { suspended: false }) })]];
    await syncInstance(instanceId);
    expect(await row()).toMatchObject({ suspended: false, silenced: true });
  });

  it('a new account without flags starts unflagged', async () => {
    const { instanceId } = await scriptedInstance([[report('1', { target: account('t') })]]);
    await syncInstance(instanceId);
    expect(await db.account.findFirstOrThrow({ where: { instanceId, remoteId: 't' } })).toMatchObject({ suspended: false, silenced: false, sensitized: false, disabled: false });
  });

  it('a status absent from a newer payload stays linked, with its media, and is marked deleted', async () => {
    const two = report('1');
    two.statuses.push({ ...two.statuses[0], remoteId: 's1b', media: [{ ...two.statuses[0].media[0], remoteId: 'm1b' }] });
    const { instanceId, server } = await scriptedInstance([[two]]);
    await syncInstance(instanceId);
    const reportRow = () => db.report.findFirstOrThrow({ where: { instanceId }, include: { statuses: { orderBy: { position: 'asc' }, include: { status: { include: { media: true } } } } } });
    const before = await reportRow();
    expect(before).toMatchObject({ statusCount: 2, mediaCount: 2 });

    server.pages = [[{ ...two, statuses: [two.statuses[1]], updatedAt: '2026-01-06T00:00:00.000Z' }]];
    await syncInstance(instanceId);
    const after = await reportRow();
    expect(after.statuses.map((l) => [l.status.remoteId, l.status.remoteState, l.status.media.length])).toEqual([['s1b', null, 1], ['s1', 'deleted', 1]]);
    expect(after).toMatchObject({ statusCount: 2, mediaCount: 2 });
    expect(await db.media.count({ where: { instanceId } })).toBe(2);
  });

  it('a status the app already marked (removed) keeps that marker', async () => {
    const { instanceId, server } = await scriptedInstance([[report('1')]]);
    await syncInstance(instanceId);
    await db.status.updateMany({ where: { instanceId }, data: { remoteState: 'removed' } });
    server.pages = [[report('1', { statuses: [], comment: 'changed' })]];
    await syncInstance(instanceId);
    expect((await db.status.findFirstOrThrow({ where: { instanceId } })).remoteState).toBe('removed');
  });

  it('the creation time never moves, absent notes and update time keep the stored ones', async () => {
    const notes = [{ remoteId: 'n1', author: 'mod', text: 'kept', createdAt: null }];
    const { instanceId, server } = await scriptedInstance([[report('1', { notes })]]);
    await syncInstance(instanceId);
    const before = await db.report.findFirstOrThrow({ where: { instanceId } });
    server.pages = [[]];
    server.byId.set('1', report('1', { resolved: true, createdAt: '2026-03-01T00:00:00.000Z', updatedAt: null }));
    await syncInstance(instanceId);
    const after = await db.report.findFirstOrThrow({ where: { instanceId } });
    expect(after.status).toBe('resolved');
    expect(after.remoteCreatedAt).toEqual(before.remoteCreatedAt);
    expect(after.remoteUpdatedAt).toEqual(before.remoteUpdatedAt);
    expect(after.remoteNotes).toEqual(before.remoteNotes);
  });
});

describe('batch writes', () => {
  it('a page written in one batch matches the same reports written one by one (rows, counts, priorities)', async () => {
    // Several reports against the same accounts and sharing a status: dedup and per-target counts matter.
    const page = Array.from({ length: 12 }, (_, i) => {
      const r = report(String(i + 1), { target: account(`t${i % 3}`), category: ['spam', 'legal', 'violation'][i % 3], createdAt: `2026-01-0${1 + (i % 9)}T00:00:00.000Z` });
      if (i % 4 === 0) r.statuses = [];
      if (i === 5) r.statuses = [...r.statuses, report('1').statuses[0]];
      return r;
    });
    const batch = await scriptedInstance([page]);
    await syncInstance(batch.instanceId);
    const single = await scriptedInstance([]);
    for (const r of page) await upsertReport(single.instanceId, r);
    const shape = async (instanceId: string) => (await db.report.findMany({
      where: { instanceId }, orderBy: { remoteId: 'asc' },
      select: { remoteId: true, priority: true, mediaCount: true, statusCount: true, category: true, target: { select: { remoteId: true } }, statuses: { select: { position: true, status: { select: { remoteId: true } } }, orderBy: { position: 'asc' } } },
    }));
    const a = await shape(batch.instanceId);
    const b = await shape(single.instanceId);
    // Age is counted at write time, so allow the two-points-per-hour term to agree within a tick.
    expect(a.map((r) => ({ ...r, priority: Math.round(r.priority / 10) }))).toEqual(b.map((r) => ({ ...r, priority: Math.round(r.priority / 10) })));
    expect(await db.media.count({ where: { instanceId: batch.instanceId } })).toBe(await db.media.count({ where: { instanceId: single.instanceId } }));
    expect(await db.status.count({ where: { instanceId: batch.instanceId } })).toBe(await db.status.count({ where: { instanceId: single.instanceId } }));
  });
});
