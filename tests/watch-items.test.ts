/**
 * Watch items must not break the report machinery: report.* actions are refused with the words (there is no report
 * on the server), Close takes the item off the queue locally, an account action reaches the fake without a
 * report_id, and sync's stale-report refresh leaves watch items alone.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FakeMastodon } from '@/e2e/fakes/mastodon/server';
import { performAction } from '@/lib/actions/perform-action';
import { requestAction } from '@/lib/actions/request-action';
import { db } from '@/lib/db';
import { isAppError } from '@/lib/errors';
import { syncInstance } from '@/lib/sync/sync-instance';
import { closeWatchItem } from '@/lib/watch/close-watch-item';
import { runWatchScan } from '@/lib/watch/run-watch-scan';
import { handleWebhook } from '@/lib/sync/handle-webhook';
import { connectedFake, persistActor, userActor } from './support/fixtures';
import { fakePost, watch, watchItem } from './watch-support';

// Syncs are counted, not run: a status webhook must never queue one.
const syncs = vi.hoisted(() => ({ queued: [] as string[] }));
vi.mock('@/lib/jobs/enqueue', async (orig) => ({
  ...(await orig<object>()),
  enqueueInstanceSync: vi.fn(async (id: string) => { syncs.queued.push(id); }),
}));

const moderator = userActor('moderator', null, '00000000-0000-4000-8000-0000000015b1');
const elsewhere = userActor('moderator', ['00000000-0000-4000-8000-0000000015ff'], '00000000-0000-4000-8000-0000000015b2');
const viewer = userActor('viewer', null, '00000000-0000-4000-8000-0000000015b3');
let fake: FakeMastodon;
let instanceId: string;
let itemId: string;
let postAuthor: string;

beforeAll(async () => {
  await persistActor(moderator);
  ({ fake, instanceId } = await connectedFake({ reports: 2, seed: 1511 }));
  await syncInstance(instanceId);
  await watch('domain', 'items-offsite.example', [instanceId]);
  const postId = await fakePost(fake.url, { html: '<p>see <a href="https://items-offsite.example/x">this</a></p>', acct: 'watcheditems' });
  await runWatchScan(instanceId);
  const item = await watchItem(instanceId, postId);
  itemId = item!.id;
  postAuthor = (await db.account.findUniqueOrThrow({ where: { id: item!.targetId } })).remoteId;
});
afterAll(async () => {
  await fake.close();
});

async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return isAppError(e) ? `${e.code}: ${e.userMessage}` : String(e);
  }
  return 'accepted';
}

describe('watch items and report actions', () => {
  it.each(['report.resolve', 'report.reject', 'report.reopen', 'report.assign_to_self'])('refuses %s with the words', async (kind) => {
    const said = await refusal(requestAction({ ctx: { actor: moderator }, input: { reportId: itemId, action: { kind } } }));
    expect(said).toBe('unsupported: This item was caught by a watch list; there is no report on the server. Use Close to take it off the queue.');
  });

  it('closes and reopens the item locally, audited, for a moderator who can act on its instance', async () => {
    expect(await refusal(closeWatchItem({ ctx: { actor: viewer }, input: { reportId: itemId } }))).toMatch(/^forbidden/);
    expect(await refusal(closeWatchItem({ ctx: { actor: elsewhere }, input: { reportId: itemId } }))).toMatch(/^not_found/);
    expect(await closeWatchItem({ ctx: { actor: moderator }, input: { reportId: itemId } })).toEqual({ id: itemId, status: 'resolved' });
    expect((await db.report.findUniqueOrThrow({ where: { id: itemId } })).status).toBe('resolved');
    expect(await closeWatchItem({ ctx: { actor: moderator }, input: { reportId: itemId, reopen: true } })).toEqual({ id: itemId, status: 'open' });
    const events = await db.auditEvent.findMany({ where: { targetId: itemId, action: { startsWith: 'watch.item_' } }, orderBy: { seq: 'asc' } });
    expect(events.map((e) => e.action)).toEqual(['watch.item_created', 'watch.item_closed', 'watch.item_reopened']);
    const report = await db.report.findFirstOrThrow({ where: { instanceId, kind: 'report' } });
    expect(await refusal(closeWatchItem({ ctx: { actor: moderator }, input: { reportId: report.id } }))).toMatch(/^unsupported: This is a report from the server/);
  });

  it('sends an account action on a watch item to the server without a report_id', async () => {
    const { actionId } = await requestAction({ ctx: { actor: moderator }, input: { reportId: itemId, action: { kind: 'account.action', type: 'silence', notify: false } } });
    const row = await db.action.findUniqueOrThrow({ where: { id: actionId } });
    expect(row.payload).not.toHaveProperty('reportId');
    expect(await performAction(actionId)).toBe('done');
    const sent = fake.state.records.filter((r) => r.method === 'POST' && r.path === `/api/v1/admin/accounts/${postAuthor}/action`);
    expect(sent).toHaveLength(1);
    expect(sent[0].body).toMatchObject({ type: 'silence' });
    expect(sent[0].body).not.toHaveProperty('report_id');
  });

  it('is left alone by sync: still open after two syncs, no SyncIssue', async () => {
    await syncInstance(instanceId);
    await syncInstance(instanceId);
    expect((await db.report.findUniqueOrThrow({ where: { id: itemId } })).status).toBe('open');
    expect(await db.syncIssue.count({ where: { instanceId, remoteId: { startsWith: 'watch:' } } })).toBe(0);
    expect(fake.state.reads.some((r) => JSON.stringify(r).includes('watch:'))).toBe(false);
  });
});

describe('the status.created webhook', () => {
  it('lands a watched post at once, via webhook, without a sync', async () => {
    const postId = await fakePost(fake.url, { html: '<p>pushed <a href="https://items-offsite.example/y">link</a></p>' });
    // Sent nowhere: the fake still hands back the exact signed bytes, which go to the handler as the route would.
    const sent = await fake.sendWebhook({ targetUrl: 'http://127.0.0.1:9/', secret: 'whsecret-test', event: 'status.created', statusId: postId });
    const before = syncs.queued.length;
    const out = await handleWebhook({ instanceId, rawBody: Buffer.from(sent.payload), headers: new Headers({ 'x-hub-signature': sent.signature }) });
    expect(out.event).toBe('status.created');
    const item = await watchItem(instanceId, postId);
    expect(out.reportId).toBe(item!.id);
    expect(item!.watchTerms).toEqual([expect.objectContaining({ kind: 'domain', value: 'items-offsite.example', via: 'webhook' })]);
    expect(syncs.queued.length).toBe(before);

    const forged = await fake.sendWebhook({ targetUrl: 'http://127.0.0.1:9/', secret: 'wrong', event: 'status.created', statusId: postId });
    expect(await refusal(handleWebhook({ instanceId, rawBody: Buffer.from(forged.payload), headers: new Headers({ 'x-hub-signature': forged.signature }) }))).toMatch(/^unauthorized/);
  });
});
