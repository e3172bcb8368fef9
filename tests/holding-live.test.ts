/**
 * Issue 14's promise for the holding cell, end to end on the fakes: a severity-5 bank match hides the post (Akkoma)
 * or the account's media (Mastodon) through the outbox within seconds and pins the item first; undo restores it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeAkkoma } from '@/e2e/fakes/akkoma/server';
import type { FakeMastodon } from '@/e2e/fakes/mastodon/server';
import type { FaultProxy } from '@/e2e/fakes/fault-proxy';
import { performAction } from '@/lib/actions/perform-action';
import { db } from '@/lib/db';
import { confirmHold } from '@/lib/holding/confirm-hold';
import { evaluateHolds } from '@/lib/holding/evaluate-holds';
import { sweepHolds } from '@/lib/holding/sweep-holds';
import { undoHold } from '@/lib/holding/undo-hold';
import { loadBankIndex } from '@/lib/matching/load-bank-index';
import { resetBankIndex } from '@/lib/matching/index-holder';
import { ingestMedia } from '@/lib/media/ingest-media';
import { listQueue } from '@/lib/queue/list-queue';
import { bankedMedia, connectedAkkoma, localItem, makeRule } from './holding-support';
import { proxiedFake } from './outbox-support';
import { connectedFake, persistActor, userActor } from './support/fixtures';

const moderator = userActor('moderator', null, '00000000-0000-4000-8000-0000000014a1');
const closers: (() => Promise<void>)[] = [];

beforeAll(async () => {
  await persistActor(moderator);
  resetBankIndex();
  await loadBankIndex();
});
afterAll(async () => {
  for (const c of closers) await c();
});

const holdsOf = (ruleId: string) => db.hold.findMany({ where: { ruleId }, orderBy: { createdAt: 'asc' } });
const pinnedIds = async (instanceId?: string) => (await listQueue({ ctx: { actor: moderator }, input: { instanceId } })).held.map((r) => r.id);

describe('a severity-5 bank match on Akkoma', () => {
  let fake: FakeAkkoma;
  let instanceId: string;
  beforeAll(async () => {
    ({ fake, instanceId } = await connectedAkkoma(1401));
    closers.push(() => fake.close());
  });

  it('marks the post sensitive within seconds, pins the item first, and undo restores it', async () => {
    const rule = await makeRule({ instanceIds: [instanceId] });
    const { media } = await bankedMedia(instanceId, 5);
    const post = await db.status.findUniqueOrThrow({ where: { id: media.statusId! } });
    const started = Date.now();
    expect(await ingestMedia(media.id, { finalAttempt: false })).toBe('done');
    const [hold] = await holdsOf(rule.id);
    expect(hold).toMatchObject({ state: 'holding', subjectKey: `status:${post.remoteId}`, dryRun: false });
    expect(hold.signal).toMatchObject({ trigger: 'bank_match', severity: 5, mediaId: media.id });
    expect(await performAction(hold.hideActionId!)).toBe('done');
    expect(Date.now() - started).toBeLessThan(5000);
    expect((await db.hold.findUniqueOrThrow({ where: { id: hold.id } })).state).toBe('held');
    expect(fake.state.records.some((r) => r.method === 'PUT' && r.path.endsWith(`/statuses/${post.remoteId}`) && (r.body as { sensitive?: boolean }).sensitive === true)).toBe(true);
    expect(fake.state.statuses.get(post.remoteId)!.sensitive).toBe(true);

    const page = await listQueue({ ctx: { actor: moderator }, input: {} });
    expect(page.held[0]).toMatchObject({ id: hold.reportId, hold: { id: hold.id, state: 'held', stepLabel: 'Marked the post sensitive', ruleName: rule.name } });
    expect(page.items.map((r) => r.id)).not.toContain(hold.reportId);
    expect(await db.auditEvent.count({ where: { action: 'hold.placed', targetId: hold.reportId } })).toBe(1);

    const undone = await undoHold({ ctx: { actor: moderator }, input: { holdId: hold.id } });
    expect(undone).toMatchObject({ state: 'undoing', decision: 'undone', decidable: false });
    expect(await pinnedIds()).not.toContain(hold.reportId);
    const undo = await db.hold.findUniqueOrThrow({ where: { id: hold.id } });
    expect(await performAction(undo.undoActionId!)).toBe('done');
    expect((await db.hold.findUniqueOrThrow({ where: { id: hold.id } })).state).toBe('undone');
    expect(fake.state.statuses.get(post.remoteId)!.sensitive).toBe(false);
    expect((await db.action.findUniqueOrThrow({ where: { id: undo.undoActionId! } })).requestedById).toBe(moderator.type === 'user' ? moderator.id : null);
    expect(await db.auditEvent.count({ where: { action: 'hold.undone', targetId: hold.reportId } })).toBe(1);
    await expect(undoHold({ ctx: { actor: moderator }, input: { holdId: hold.id } })).rejects.toMatchObject({ code: 'conflict' });
  });

  it('places one hold however often the signal comes, and a dry-run rule sends nothing', async () => {
    const live = await makeRule({ instanceIds: [instanceId], minSeverity: 3 });
    const dry = await makeRule({ instanceIds: [instanceId], mode: 'dry_run', minSeverity: 3 });
    const report = await db.report.findFirstOrThrow({ where: { instanceId, status: 'open', holdPendingAt: null }, orderBy: { remoteId: 'desc' } });
    const signal = { trigger: 'bank_match' as const, severity: 3, label: 'other', bank: 'b' };
    const first = await evaluateHolds({ reportIds: [report.id], signal });
    expect(first.created).toHaveLength(2);
    expect((await evaluateHolds({ reportIds: [report.id], signal })).created).toEqual([]);
    expect(await holdsOf(live.id)).toHaveLength(1);

    const records = fake.state.records.length;
    const [would] = await holdsOf(dry.id);
    expect(would).toMatchObject({ state: 'would_hold', dryRun: true, hideActionId: null });
    expect(await db.auditEvent.count({ where: { action: 'hold.would_hold', targetId: report.id } })).toBe(1);
    // Only the live rule's one action exists; performing it is the only write the fake sees.
    expect(await db.action.count({ where: { reportId: report.id } })).toBe(1);
    expect(fake.state.records.length).toBe(records);
    // Below the threshold nothing fires.
    expect((await evaluateHolds({ reportIds: [report.id], signal: { ...signal, severity: 2 } })).created).toEqual([]);
  });
});

describe('a severity-5 bank match on Mastodon', () => {
  let fake: FakeMastodon;
  let instanceId: string;
  beforeAll(async () => {
    ({ fake, instanceId } = await connectedFake({ reports: 6, seed: 1402 }));
    closers.push(() => fake.close());
    const { syncInstance } = await import('@/lib/sync/sync-instance');
    await syncInstance(instanceId);
  });

  it("marks the account's media sensitive, and undo lifts it", async () => {
    const rule = await makeRule({ instanceIds: [instanceId] });
    const { media } = await bankedMedia(instanceId, 5);
    expect(await ingestMedia(media.id, { finalAttempt: false })).toBe('done');
    const [hold] = await holdsOf(rule.id);
    const report = await db.report.findUniqueOrThrow({ where: { id: hold.reportId }, include: { target: true } });
    expect(hold.subjectKey).toBe(`account:${report.target.remoteId}`);
    expect(await performAction(hold.hideActionId!)).toBe('done');
    expect(fake.state.accounts.get(report.target.remoteId)!.sensitized).toBe(true);
    const sent = fake.state.records.find((r) => r.path.endsWith(`/accounts/${report.target.remoteId}/action`) && r.body.type === 'sensitive');
    expect(sent).toBeTruthy();
    // Not linked to the report (a hold is no resolution); Mastodon still resolves every open report on the account
    // when any account action is taken, so after the next sync the report is resolved, and still pinned for a human.
    expect(sent!.body.report_id).toBeUndefined();
    const { syncInstance } = await import('@/lib/sync/sync-instance');
    await syncInstance(instanceId);
    expect((await db.report.findUniqueOrThrow({ where: { id: hold.reportId } })).status).toBe('resolved');
    expect((await pinnedIds(instanceId))[0]).toBe(hold.reportId);

    await undoHold({ ctx: { actor: moderator }, input: { holdId: hold.id } });
    const undo = await db.hold.findUniqueOrThrow({ where: { id: hold.id } });
    expect(await performAction(undo.undoActionId!)).toBe('done');
    expect(fake.state.accounts.get(report.target.remoteId)!.sensitized).toBe(false);
    expect((await db.hold.findUniqueOrThrow({ where: { id: hold.id } })).state).toBe('undone');
  });
});

describe('holds that hide nothing', () => {
  it('pins a GoToSocial item with the reason, and undo clears it at once', async () => {
    const { instanceId, report } = await localItem('gotosocial');
    const rule = await makeRule({ instanceIds: [instanceId], allowSuspend: true });
    await evaluateHolds({ reportIds: [report.id], signal: { trigger: 'bank_match', severity: 5 } });
    const [hold] = await holdsOf(rule.id);
    expect(hold).toMatchObject({ state: 'not_hidden', hideActionId: null, reason: 'GoToSocial cannot undo a suspension and offers no milder step: pinned for review, nothing hidden' });
    expect(await pinnedIds()).toContain(report.id);
    expect(await undoHold({ ctx: { actor: moderator }, input: { holdId: hold.id } })).toMatchObject({ state: 'undone' });
    expect(await pinnedIds()).not.toContain(report.id);
  });

  it('leaves the hold not_hidden and pinned when the server refuses the step', async () => {
    let proxy: FaultProxy;
    let fake: FakeMastodon;
    let instanceId: string;
    ({ fake, proxy, instanceId } = await proxiedFake(3, 1403, [{ method: 'POST', path: /\/action$/, status: 500, forward: false }]));
    closers.push(() => proxy.close(), () => fake.close());
    const rule = await makeRule({ instanceIds: [instanceId] });
    const report = await db.report.findFirstOrThrow({ where: { instanceId, status: 'open' } });
    await evaluateHolds({ reportIds: [report.id], signal: { trigger: 'bank_match', severity: 5 } });
    const [hold] = await holdsOf(rule.id);
    expect(await performAction(hold.hideActionId!, { finalAttempt: true })).toBe('failed');
    const after = await db.hold.findUniqueOrThrow({ where: { id: hold.id } });
    expect(after.state).toBe('not_hidden');
    expect(after.reason).toMatch(/500/);
    expect(await pinnedIds()).toContain(report.id);
  });
});

describe('deciding a hold', () => {
  it('is refused to a moderator of another instance and to a viewer; a moderator confirms it', async () => {
    const { instanceId, report } = await localItem('gotosocial');
    const rule = await makeRule({ instanceIds: [instanceId] });
    await evaluateHolds({ reportIds: [report.id], signal: { trigger: 'bank_match', severity: 5 } });
    const [hold] = await holdsOf(rule.id);
    const elsewhere = userActor('moderator', ['00000000-0000-4000-8000-00000000dead'], '00000000-0000-4000-8000-0000000014a2');
    await expect(confirmHold({ ctx: { actor: elsewhere }, input: { holdId: hold.id } })).rejects.toMatchObject({ code: 'not_found' });
    await expect(confirmHold({ ctx: { actor: userActor('viewer') }, input: { holdId: hold.id } })).rejects.toMatchObject({ code: 'forbidden' });
    expect(await confirmHold({ ctx: { actor: moderator }, input: { holdId: hold.id } })).toMatchObject({ state: 'confirmed', decision: 'confirmed' });
    expect((await db.report.findUniqueOrThrow({ where: { id: report.id } })).holdPendingAt).toBeNull();
    expect(await db.auditEvent.count({ where: { action: 'hold.confirmed', targetId: report.id } })).toBe(1);
    await expect(confirmHold({ ctx: { actor: moderator }, input: { holdId: hold.id } })).rejects.toMatchObject({ code: 'conflict' });
  });

  it('the sweeper requests a hide its placer never sent, once, and flags overdue holds once', async () => {
    const { instanceId, report, status } = await localItem('akkoma');
    const rule = await makeRule({ instanceIds: [instanceId] });
    const old = new Date(Date.now() - 2 * 3600_000);
    // As if the placer died right after its transaction: holding, no action, written long ago.
    const hold = await db.hold.create({
      data: {
        ruleId: rule.id, reportId: report.id, instanceId, subjectKey: `status:${status.remoteId}`, state: 'holding', signal: { trigger: 'bank_match', severity: 5 },
        step: { level: 'sensitive', label: 'Marked the post sensitive', subject: 'status', action: { kind: 'status.sensitive', statusId: status.id, sensitive: true }, undo: { kind: 'status.sensitive', statusId: status.id, sensitive: false } },
        dueAt: old, updatedAt: old, createdAt: old,
      },
    });
    await db.$executeRaw`UPDATE "Hold" SET "updatedAt" = ${old} WHERE id = ${hold.id}::uuid`;
    await Promise.all([sweepHolds(new Date()), sweepHolds(new Date())]);
    expect(await db.action.count({ where: { reportId: report.id, kind: 'status.sensitive' } })).toBe(1);
    expect((await db.hold.findUniqueOrThrow({ where: { id: hold.id } })).hideActionId).not.toBeNull();
    expect(await db.auditEvent.count({ where: { action: 'hold.overdue', targetId: report.id } })).toBe(1);
    await sweepHolds(new Date());
    expect(await db.auditEvent.count({ where: { action: 'hold.overdue', targetId: report.id } })).toBe(1);
    expect((await db.hold.findUniqueOrThrow({ where: { id: hold.id } })).state).toBe('holding'); // never undone by the clock
  });

  it('never queues a second hide for a hold: the action id is stored in the outbox row\'s own transaction', async () => {
    const { requestHide } = await import('@/lib/holding/request-hide');
    const { instanceId, report, status } = await localItem('akkoma');
    const rule = await makeRule({ instanceIds: [instanceId] });
    const hold = await db.hold.create({
      data: {
        ruleId: rule.id, reportId: report.id, instanceId, subjectKey: `status:${status.remoteId}`, state: 'holding', signal: { trigger: 'bank_match', severity: 5 },
        step: { level: 'sensitive', label: 'Marked the post sensitive', subject: 'status', action: { kind: 'status.sensitive', statusId: status.id, sensitive: true }, undo: { kind: 'status.sensitive', statusId: status.id, sensitive: false } },
        dueAt: new Date(),
      },
    });
    // Both callers pass the claim (a stale-before in the future), as a placer and a sweeper could after a crash.
    const later = new Date(Date.now() + 60_000);
    const ids = await Promise.all([requestHide(hold.id, rule.name, later), requestHide(hold.id, rule.name, later), requestHide(hold.id, rule.name, later)]);
    expect(ids.filter(Boolean).length).toBeLessThanOrEqual(1);
    expect(await db.action.count({ where: { reportId: report.id, kind: 'status.sensitive' } })).toBe(1);
    const stored = await db.hold.findUniqueOrThrow({ where: { id: hold.id } });
    expect(stored.state).toBe('holding');
    expect(stored.hideActionId).toBe((await db.action.findFirstOrThrow({ where: { reportId: report.id, kind: 'status.sensitive' } })).id);
  });
});
