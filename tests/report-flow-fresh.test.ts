/**
 * The report API answers fresh state once the worker is done: a resolve carried out against a fake Mastodon over
 * real HTTP shows as resolved (with resolvedAt) on the next GET /api/reports/[id], which is what the report page
 * polls; the detail carries the cross-instance handle and the priority in words. Limited moderators get 404 for
 * other instances' reports; a bad id is a clear 400.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { UserActor } from '@/lib/auth/current-actor';
import { db } from '@/lib/db';
import { performAction } from '@/lib/actions/perform-action';
import { requestAction } from '@/lib/actions/request-action';
import { syncInstance } from '@/lib/sync/sync-instance';
import type { ReportDetail } from '@/lib/queue/detail-types';
import type { FakeMastodon } from '@/e2e/fakes/mastodon/server';
import { connectedFake, persistActor, userActor } from './support/fixtures';
import { jsonRequest, routeParams } from './support/route-requests';

import { session } from './support/session-stub';
vi.mock('@/lib/auth/current-actor', () => import('./support/session-stub').then((m) => m.currentActorMock()));
// The worker is driven by hand below (performAction), so nothing is queued to a job runner.
vi.mock('@/lib/jobs/enqueue', async (orig) => ({ ...(await orig<object>()), enqueueAction: vi.fn(async () => {}) }));
const route = await import('@/app/api/reports/[id]/route');

let fake: FakeMastodon;
let instanceId: string;
const moderator = userActor('moderator') as UserActor;

beforeAll(async () => {
  ({ fake, instanceId } = await connectedFake({ reports: 4, seed: 7 }));
  await persistActor(moderator);
  await syncInstance(instanceId);
});
afterAll(async () => { await fake.close(); });

const get = async (id: string) => route.GET(jsonRequest(`/api/reports/${id}`), routeParams({ id }));

describe('GET /api/reports/[id] after an action', () => {
  it('shows the resolve once the worker has carried it out', async () => {
    const report = await db.report.findFirstOrThrow({ where: { instanceId, status: 'open' } });
    session.actor = moderator;
    const before = (await (await get(report.id)).json()) as ReportDetail;
    expect(before.status).toBe('open');
    expect(before.resolvedAt).toBeNull();
    expect(before.priorityReason).toMatch(new RegExp(`^Priority ${before.priority}: `));
    expect(before.target.handle).toMatch(/^[^@\s]+@[^@\s]+$/);
    expect(before.target.handle).toBe(before.target.handle.toLowerCase());

    const { actionId } = await requestAction({ ctx: { actor: moderator }, input: { reportId: report.id, action: { kind: 'report.resolve' } } });
    expect(((await (await get(report.id)).json()) as ReportDetail).status).toBe('open');
    expect(await performAction(actionId, { finalAttempt: true })).toBe('done');
    const after = (await (await get(report.id)).json()) as ReportDetail;
    expect(after.status).toBe('resolved');
    expect(after.resolvedAt).not.toBeNull();
    expect(fake.state.records.some((r) => /\/resolve$/.test((r as { path?: string }).path ?? ''))).toBe(true);
  });

  it('hides other instances from a limited moderator and refuses a bad id', async () => {
    const report = await db.report.findFirstOrThrow({ where: { instanceId } });
    session.actor = userActor('moderator', ['00000000-0000-4000-8000-0000000000ff']) as UserActor;
    expect((await get(report.id)).status).toBe(404);
    session.actor = moderator;
    const bad = await get('not-a-uuid');
    expect(bad.status).toBe(400);
    session.actor = null;
    expect((await get(report.id)).status).toBe(401);
  });
});
