import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '@/lib/generated/prisma/client';
import { listQueue } from '@/lib/queue/list-queue';
import type { QueueInput } from '@/lib/queue/queue-input';
import type { UserActor } from '@/lib/auth/current-actor';
import { actorFor, makeAccount, makeInstance, makeReport, makeUser } from './queue-fixtures';

const reports: Report[] = [];
let admin: UserActor;
let instA: string;
let instB: string;
let instC: string;

beforeAll(async () => {
  admin = actorFor(await makeUser('admin'));
  const [a, b, c] = [await makeInstance('alpha'), await makeInstance('beta'), await makeInstance('gamma')];
  [instA, instB, instC] = [a.id, b.id, c.id];
  const targets = await Promise.all([a, b, c].map((i) => makeAccount(i.id)));
  const t0 = Date.parse('2026-03-01T00:00:00Z');
  // 70 reports; many share a timestamp and a priority so tiebreaks on id are exercised.
  for (let k = 0; k < 70; k++) {
    const i = k % 3;
    reports.push(await makeReport({
      instanceId: [a, b, c][i].id,
      targetId: targets[i].id,
      status: k % 7 === 0 ? 'resolved' : 'open',
      category: ['spam', 'legal', 'other', 'violation'][k % 4],
      mediaCount: k % 5 === 0 ? 2 : 0,
      priority: (k % 4) * 100,
      remoteCreatedAt: new Date(t0 + Math.floor(k / 4) * 60_000),
    }));
  }
});

async function collect(input: QueueInput): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 100; pages++) {
    const page = await listQueue({ ctx: { actor: admin }, input: { ...input, cursor, limit: 7 } });
    ids.push(...page.items.map((r) => r.id));
    if (!page.nextCursor) return ids;
    cursor = page.nextCursor;
  }
  throw new Error('pagination did not terminate');
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const t = (r: Report) => r.remoteCreatedAt.getTime();
const open = () => reports.filter((r) => r.status === 'open');

describe('listQueue', () => {
  it('pages through every open report exactly once, newest first with id tiebreak', async () => {
    const expected = open().sort((x, y) => t(y) - t(x) || cmp(x.id, y.id)).map((r) => r.id);
    expect(await collect({})).toEqual(expected);
  });

  it('orders oldest first', async () => {
    const expected = open().sort((x, y) => t(x) - t(y) || cmp(y.id, x.id)).map((r) => r.id);
    expect(await collect({ sort: 'oldest' })).toEqual(expected);
  });

  it('orders by priority, then newest', async () => {
    const expected = open().sort((x, y) => y.priority - x.priority || t(y) - t(x) || cmp(x.id, y.id)).map((r) => r.id);
    expect(await collect({ sort: 'priority' })).toEqual(expected);
  });

  it('filters by status, instance, category and media', async () => {
    const set = (ids: string[]) => new Set(ids);
    expect(set(await collect({ status: 'resolved' }))).toEqual(set(reports.filter((r) => r.status === 'resolved').map((r) => r.id)));
    expect(set(await collect({ instanceId: instB }))).toEqual(set(open().filter((r) => r.instanceId === instB).map((r) => r.id)));
    expect(set(await collect({ category: 'legal', sort: 'priority' }))).toEqual(set(open().filter((r) => r.category === 'legal').map((r) => r.id)));
    expect(set(await collect({ hasMedia: true }))).toEqual(set(open().filter((r) => r.mediaCount > 0).map((r) => r.id)));
    expect(set(await collect({ hasMedia: false, instanceId: instC }))).toEqual(set(open().filter((r) => r.mediaCount === 0 && r.instanceId === instC).map((r) => r.id)));
  });

  it('returns rows with the listed fields and plain-text excerpts', async () => {
    const page = await listQueue({ ctx: { actor: admin }, input: { limit: 1 } });
    const row = page.items[0];
    expect(Object.keys(row).sort()).toEqual(['assigneeAcct', 'category', 'excerpt', 'id', 'instance', 'match', 'mediaCount', 'priority', 'remoteCreatedAt', 'remoteId', 'reporterAcct', 'status', 'statusCount', 'target', 'case', 'thumbMediaId', 'tags', 'escalation', 'claim', 'kind', 'watch', 'hold', 'brigade'].sort());
    expect(row.instance.name).toMatch(/alpha|beta|gamma/);
    expect(row.excerpt).toBe('a comment');
  });

  it('counts open reports per instance', async () => {
    const { counts } = await listQueue({ ctx: { actor: admin }, input: { status: 'resolved', limit: 1 } });
    const byId = Object.fromEntries(counts.map((c) => [c.instanceId, c.open]));
    for (const id of [instA, instB, instC]) expect(byId[id]).toBe(open().filter((r) => r.instanceId === id).length);
  });

  it('refuses a cursor from another sort order', async () => {
    const first = await listQueue({ ctx: { actor: admin }, input: { limit: 2 } });
    await expect(listQueue({ ctx: { actor: admin }, input: { sort: 'oldest', cursor: first.nextCursor! } })).rejects.toMatchObject({ code: 'bad_request' });
  });
});
