/**
 * The holding routes against a real database: viewers read rules and holds, only admins change rules, moderators
 * who can act on the instance decide holds; bad input is a 400; a limited user never sees another instance's holds.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { UserActor } from '@/lib/auth/current-actor';
import { db } from '@/lib/db';
import { evaluateHolds } from '@/lib/holding/evaluate-holds';
import type { HoldView, RuleView } from '@/lib/holding/types';
import { actorFor, makeUser } from './queue-fixtures';
import { localItem, makeRule } from './holding-support';
import { jsonRequest as req, routeParams } from './support/route-requests';

import { session } from './support/session-stub';
vi.mock('@/lib/auth/current-actor', () => import('./support/session-stub').then((m) => m.currentActorMock()));

const rules = await import('@/app/api/holding/rules/route');
const rule = await import('@/app/api/holding/rules/[id]/route');
const holds = await import('@/app/api/holding/holds/route');
const confirm = await import('@/app/api/holding/holds/[id]/confirm/route');
const undo = await import('@/app/api/holding/holds/[id]/undo/route');

const id = (v: string) => routeParams({ id: v });
const body = async <T>(res: Response) => (await res.json()) as T;
let viewer: UserActor, moderator: UserActor, admin: UserActor, limitedA: UserActor;
let itemA: Awaited<ReturnType<typeof localItem>>, itemB: Awaited<ReturnType<typeof localItem>>;
let holdA: string, holdB: string;

beforeAll(async () => {
  [viewer, moderator, admin] = await Promise.all((['viewer', 'moderator', 'admin'] as const).map(async (r) => actorFor(await makeUser(r))));
  [itemA, itemB] = [await localItem('gotosocial'), await localItem('gotosocial')];
  limitedA = actorFor(await makeUser('moderator'), [itemA.instanceId]);
  const r = await makeRule({ name: 'route rule' });
  await evaluateHolds({ reportIds: [itemA.report.id, itemB.report.id], signal: { trigger: 'bank_match', severity: 5 } });
  const rows = await db.hold.findMany({ where: { ruleId: r.id } });
  holdA = rows.find((h) => h.reportId === itemA.report.id)!.id;
  holdB = rows.find((h) => h.reportId === itemB.report.id)!.id;
});

const valid = { name: 'Known bad', trigger: 'bank_match', mode: 'dry_run', enabled: true, minSeverity: 4, labels: [], minScore: 3, level: 'sensitive', allowSuspend: false, reviewMinutes: 60, instanceIds: [] };

describe('rules', () => {
  it('viewers read, moderators cannot create, admins create, patch and delete', async () => {
    session.actor = viewer;
    expect((await rules.GET(req('/api/holding/rules'))).status).toBe(200);
    expect((await rules.POST(req('/api/holding/rules', 'POST', valid))).status).toBe(403);
    session.actor = moderator;
    expect((await rules.POST(req('/api/holding/rules', 'POST', valid))).status).toBe(403);
    session.actor = admin;
    const created = await rules.POST(req('/api/holding/rules', 'POST', valid));
    expect(created.status).toBe(201);
    const { rule: made } = await body<{ rule: RuleView }>(created);
    expect(made).toMatchObject({ name: 'Known bad', mode: 'dry_run', stats: { hits: 0 } });
    expect((await rules.POST(req('/api/holding/rules', 'POST', valid))).status).toBe(409);
    const patched = await rule.PATCH(req(`/api/holding/rules/${made.id}`, 'PATCH', { mode: 'live', minSeverity: 5 }), id(made.id));
    // Only the given fields change: the rest keep their values.
    expect(await body<{ rule: RuleView }>(patched)).toMatchObject({ rule: { mode: 'live', minSeverity: 5, name: 'Known bad', reviewMinutes: 60, level: 'sensitive' } });
    const renamed = await rule.PATCH(req(`/api/holding/rules/${made.id}`, 'PATCH', { reviewMinutes: 30 }), id(made.id));
    expect(await body<{ rule: RuleView }>(renamed)).toMatchObject({ rule: { mode: 'live', minSeverity: 5, reviewMinutes: 30 } });
    const ev = await db.auditEvent.findFirstOrThrow({ where: { action: 'hold_rule.updated', targetId: made.id }, orderBy: { seq: 'asc' } });
    expect(ev.details).toMatchObject({ changed: { mode: 'live', minSeverity: 5 }, was: { mode: 'dry_run', minSeverity: 4 } });
    session.actor = moderator;
    expect((await rule.DELETE(req(`/api/holding/rules/${made.id}`, 'DELETE'), id(made.id))).status).toBe(403);
    session.actor = admin;
    expect((await rule.DELETE(req(`/api/holding/rules/${made.id}`, 'DELETE'), id(made.id))).status).toBe(200);
    expect(await db.auditEvent.count({ where: { action: 'hold_rule.deleted', targetId: made.id } })).toBe(1);
  });

  it('refuses bad input with a 400', async () => {
    session.actor = admin;
    for (const bad of [{ ...valid, name: '' }, { ...valid, trigger: 'vibes' }, { ...valid, minSeverity: 9 }, { ...valid, level: 'delete' }, { ...valid, extra: 1 }, { ...valid, instanceIds: ['x'] }]) {
      expect((await rules.POST(req('/api/holding/rules', 'POST', bad))).status).toBe(400);
    }
    expect((await rule.PATCH(req('/api/holding/rules/nope', 'PATCH', {}), id('nope'))).status).toBe(400);
    expect((await holds.GET(req('/api/holding/holds?view=everything'))).status).toBe(400);
  });
});

describe('holds', () => {
  it('a limited user sees only their instance, in the list and the stats', async () => {
    session.actor = limitedA;
    const { holds: seen } = await body<{ holds: HoldView[] }>(await holds.GET(req('/api/holding/holds?view=pending')));
    expect(seen.map((h) => h.id)).toEqual([holdA]);
    const { rules: listed } = await body<{ rules: RuleView[] }>(await rules.GET(req('/api/holding/rules')));
    expect(listed.find((r) => r.name === 'route rule')!.stats).toMatchObject({ hits: 1, pending: 1 });
    session.actor = viewer;
    const all = await body<{ holds: HoldView[] }>(await holds.GET(req('/api/holding/holds?view=pending')));
    expect(all.holds.map((h) => h.id).sort()).toEqual([holdA, holdB].sort());
  });

  it('viewers cannot decide; a limited moderator cannot touch another instance; a moderator confirms and undoes', async () => {
    session.actor = viewer;
    expect((await confirm.POST(req(`/api/holding/holds/${holdA}/confirm`, 'POST'), id(holdA))).status).toBe(403);
    session.actor = limitedA;
    expect((await confirm.POST(req(`/api/holding/holds/${holdB}/confirm`, 'POST'), id(holdB))).status).toBe(404);
    expect((await undo.POST(req(`/api/holding/holds/${holdB}/undo`, 'POST'), id(holdB))).status).toBe(404);
    const ok = await confirm.POST(req(`/api/holding/holds/${holdA}/confirm`, 'POST'), id(holdA));
    expect(await body<{ hold: HoldView }>(ok)).toMatchObject({ hold: { id: holdA, state: 'confirmed', decidable: false } });
    expect((await undo.POST(req(`/api/holding/holds/${holdA}/undo`, 'POST'), id(holdA))).status).toBe(409);
    session.actor = moderator;
    const undone = await undo.POST(req(`/api/holding/holds/${holdB}/undo`, 'POST'), id(holdB));
    expect(await body<{ hold: HoldView }>(undone)).toMatchObject({ hold: { state: 'undone', decision: 'undone' } });
  });
});
