import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { listQueue } from '@/lib/queue/list-queue';
import { actorFor, makeAccount, makeInstance, makeReport, makeUser } from './queue-fixtures';

describe('listQueue assignee filter', () => {
  it('"me" follows the latest assignment action; assigned/unassigned read the remote assignee', async () => {
    const inst = await makeInstance('assign');
    const target = await makeAccount(inst.id);
    const remoteMod = await makeAccount(inst.id, 'remote_mod');
    const [alice, bob] = [await makeUser('moderator'), await makeUser('moderator')];
    const [r1, r2, r3, r4, r5] = await Promise.all([1, 2, 3, 4, 5].map(() => makeReport({ instanceId: inst.id, targetId: target.id })));
    await db.report.update({ where: { id: r5.id }, data: { assigneeId: remoteMod.id } });
    let clock = Date.parse('2026-03-01T00:00:00Z');
    const act = (reportId: string, userId: string, kind: string, status: 'pending' | 'done' | 'failed' = 'done') =>
      db.action.create({ data: { instanceId: inst.id, reportId, kind, payload: {}, status, requestedById: userId, createdAt: new Date((clock += 1000)) } });
    await act(r1.id, alice.id, 'report.assign_to_self');
    await act(r2.id, alice.id, 'report.assign_to_self');
    await act(r2.id, bob.id, 'report.unassign');
    await act(r3.id, alice.id, 'report.assign_to_self');
    await act(r3.id, bob.id, 'report.assign_to_self', 'pending');
    await act(r4.id, alice.id, 'report.assign_to_self', 'failed');

    const ids = async (user: typeof alice, assignee: 'me' | 'assigned' | 'unassigned') =>
      (await listQueue({ ctx: { actor: actorFor(user) }, input: { assignee } })).items.map((r) => r.id).sort();
    expect(await ids(alice, 'me')).toEqual([r1.id]);
    expect(await ids(bob, 'me')).toEqual([r3.id]);
    expect(await ids(alice, 'assigned')).toEqual([r5.id]);
    expect(await ids(alice, 'unassigned')).toEqual([r1.id, r2.id, r3.id, r4.id].sort());
    const row = (await listQueue({ ctx: { actor: actorFor(alice) }, input: { assignee: 'assigned' } })).items[0];
    expect(row.assigneeAcct).toBe('remote_mod');
  });
});
