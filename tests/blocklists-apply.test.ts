/**
 * Blocklists end to end over real HTTP: every kind that can block (Mastodon, GoToSocial, Lemmy, PeerTube, Misskey)
 * connected as a fake. The preview diffs against the blocks read from the fakes; applying writes one outbox action
 * per instance that the worker's performAction lands on its fake; a retraction removes only list-made blocks (a
 * hand-made block of the same domain stays); undo puts every fake back; a re-sent action after a crash creates
 * nothing twice; the digest and federation access guard the door.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { performAction } from '@/lib/actions/perform-action';
import { addInstance } from '@/lib/instances/add-instance';
import { applyBlocklist } from '@/lib/blocklists/apply-blocklist';
import { autoRetractIfEnabled } from '@/lib/blocklists/auto-retract';
import { getApplication } from '@/lib/blocklists/get-application';
import { getPreview } from '@/lib/blocklists/get-preview';
import { listApplications } from '@/lib/blocklists/list-applications';
import { requestBlocksSync } from '@/lib/blocklists/request-blocks-sync';
import { undoApplication } from '@/lib/blocklists/undo-application';
import { domainBlocks } from '@/lib/actors/domain-blocks';
import { setFederationAccess } from '@/lib/users/set-federation-access';
import { startFakeMastodon } from '@/e2e/fakes/mastodon/server';
import { startFakeGoToSocial } from '@/e2e/fakes/gotosocial/server';
import { startFakeLemmy } from '@/e2e/fakes/lemmy/server';
import { startFakePeerTube } from '@/e2e/fakes/peertube/server';
import { startFakeMisskey } from '@/e2e/fakes/misskey/server';
import { persistActor, systemActor, userActor } from './support/fixtures';

interface AnyFake { url: string; token: string; close(): Promise<void> }
interface FakeBlock { domain: string; severity: string }

const fakes: Record<string, AnyFake> = {};
const ids: Record<string, string> = {};
let mastodonRecords: () => { method: string; path: string; body: unknown }[];
const admin = userActor('admin', null, '00000000-0000-4000-8000-0000000000b1');
const moderator = userActor('moderator', null, '00000000-0000-4000-8000-0000000000b2');
const sources: Record<'a' | 'b', string> = { a: '', b: '' };
/** Kinds that can limit (silence) a domain rather than only block it. */
const SILENCES = ['mastodon', 'misskey'];

async function fakeBlocks(kind: string): Promise<Map<string, string>> {
  const res = await fetch(`${fakes[kind].url}/__fake/domain-blocks`);
  expect(res.status, kind).toBe(200);
  return new Map(((await res.json()) as FakeBlock[]).map((b) => [b.domain, b.severity]));
}

async function setEntries(source: 'a' | 'b', entries: [string, 'suspend' | 'silence'][]): Promise<void> {
  await db.blocklistEntry.deleteMany({ where: { sourceId: sources[source] } });
  await db.blocklistEntry.createMany({ data: entries.map(([domain, severity]) => ({ sourceId: sources[source], domain, severity })) });
}

async function runApplication(applicationId: string): Promise<void> {
  const actions = await db.action.findMany({ where: { blocklistApplicationId: applicationId } });
  expect(actions.length).toBeGreaterThan(0);
  for (const a of actions) expect(await performAction(a.id, { finalAttempt: true }), a.instanceId).toBe('done');
}

beforeAll(async () => {
  fakes.mastodon = (await startFakeMastodon({ reports: 0, seed: 131 })) as unknown as AnyFake;
  fakes.gotosocial = (await startFakeGoToSocial({ reports: 0, seed: 132 })) as unknown as AnyFake;
  fakes.lemmy = (await startFakeLemmy({ reports: 0, seed: 133 })) as unknown as AnyFake;
  fakes.lemmy1 = (await startFakeLemmy({ reports: 0, seed: 136, version: '1.0.0' })) as unknown as AnyFake;
  fakes.peertube = (await startFakePeerTube({ reports: 0, seed: 134 })) as unknown as AnyFake;
  fakes.misskey = (await startFakeMisskey({ reports: 0, seed: 135 })) as unknown as AnyFake;
  mastodonRecords = () => (fakes.mastodon as unknown as { state: { records: { method: string; path: string; body: unknown }[] } }).state.records;
  await persistActor(admin);
  await persistActor(moderator);
  for (const [kind, fake] of Object.entries(fakes)) {
    const added = await addInstance({ ctx: { actor: systemActor }, input: { kind: 'auto', baseUrl: fake.url, token: fake.token, allowPrivate: true, name: `Fake ${kind}` } });
    ids[kind] = added.id;
  }
  // Blocked by hand in Mastodon's own admin before the app ever read the list.
  const hand = await fetch(`${fakes.mastodon.url}/__fake/domain-blocks`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ domain: 'hand.example', severity: 'silence' }) });
  expect(hand.status).toBe(200);
  await db.setting.upsert({ where: { key: 'blocklists.policy' }, create: { key: 'blocklists.policy', value: { threshold: 1, severity: 'max', autoRetract: false } }, update: {} });
  sources.a = (await db.blocklistSource.create({ data: { name: 'List A' } })).id;
  sources.b = (await db.blocklistSource.create({ data: { name: 'List B' } })).id;
  await setEntries('a', [['spam.example', 'suspend'], ['hand.example', 'suspend'], ['evil.example', 'suspend']]);
  await setEntries('b', [['spam.example', 'suspend'], ['quiet.example', 'silence']]);
}, 180_000);

afterAll(async () => {
  for (const f of Object.values(fakes)) await f.close();
});

describe('blocklists: sync, preview, apply, retract, undo', () => {
  it('reads every fake\'s blocks; a block found there is hand-made, and the preview is against it', async () => {
    const { results } = await requestBlocksSync({ ctx: { actor: moderator }, input: {} });
    expect(results.filter((r) => !r.ok)).toEqual([]);
    expect(new Set(results.map((r) => r.instanceId))).toEqual(new Set(Object.values(ids)));
    for (const kind of Object.keys(fakes)) {
      const mirror = await db.instanceDomainBlock.findMany({ where: { instanceId: ids[kind] } });
      expect(new Set(mirror.map((m) => m.domain)), kind).toEqual(new Set((await fakeBlocks(kind)).keys()));
    }
    const hand = await db.instanceDomainBlock.findUniqueOrThrow({ where: { instanceId_domain: { instanceId: ids.mastodon, domain: 'hand.example' } } });
    expect(hand).toMatchObject({ origin: 'hand', severity: 'silence' });

    const preview = await getPreview({ ctx: { actor: moderator }, input: {} });
    const byName = new Map(preview.instances.map((i) => [i.instanceId, i]));
    const mastodon = byName.get(ids.mastodon)!;
    expect(mastodon.lines.find((l) => l.domain === 'hand.example')).toMatchObject({ op: 'kept_hand' });
    expect(mastodon.lines.find((l) => l.domain === 'spam.example')).toMatchObject({ op: 'add', sourceIds: [sources.a, sources.b].sort() });
    for (const kind of Object.keys(fakes)) {
      const i = byName.get(ids[kind])!;
      expect(i.supported, kind).toBe(true);
      expect(i.lines.find((l) => l.domain === 'evil.example')?.op, kind).toBe('add');
      if (kind !== 'mastodon') expect(i.lines.find((l) => l.domain === 'hand.example')?.op, kind).toBe('add');
      // Silence has no equivalent on full-block-only servers: shown, never sent.
      const quiet = i.lines.find((l) => l.domain === 'quiet.example');
      expect(quiet?.op, kind).toBe(SILENCES.includes(kind) ? 'add' : 'unsupported');
      if (quiet?.op === 'unsupported') expect(quiet.note, kind).toBeTruthy();
    }
    expect(preview.canApply).toBe(false);
  });

  it('a limited moderator sees only their instance in the preview', async () => {
    const limited = userActor('moderator', [ids.gotosocial], '00000000-0000-4000-8000-0000000000b3');
    const preview = await getPreview({ ctx: { actor: limited }, input: {} });
    expect(preview.instances.map((i) => i.instanceId)).toEqual([ids.gotosocial]);
  });

  it('refuses a moderator without federation access, and viewers', async () => {
    await expect(applyBlocklist({ ctx: { actor: moderator }, input: {} })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(applyBlocklist({ ctx: { actor: userActor('viewer') }, input: {} })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(applyBlocklist({ ctx: { actor: moderator }, input: { ops: ['nuke'] } as never })).rejects.toMatchObject({ code: 'bad_request' });
    expect(await db.blocklistApplication.count()).toBe(0);
  });

  it('refuses a stale preview (digest mismatch) and sends nothing', async () => {
    await setFederationAccess({ ctx: { actor: admin }, input: { userId: moderator.type === 'user' ? moderator.id : '', granted: true } });
    const stale = await getPreview({ ctx: { actor: moderator }, input: {} });
    expect(stale.canApply).toBe(true);
    await setEntries('b', [['spam.example', 'suspend'], ['quiet.example', 'silence'], ['late.example', 'suspend']]);
    await expect(applyBlocklist({ ctx: { actor: moderator }, input: { digest: stale.digest } }))
      .rejects.toMatchObject({ code: 'conflict', userMessage: 'The preview changed since you opened it; review it again.' });
    expect(await db.action.count({ where: { kind: 'domain.blocks_reconcile' } })).toBe(0);
    await setEntries('b', [['spam.example', 'suspend'], ['quiet.example', 'silence']]);
  });

  it('applies to every kind that can block; the hand-made block is left as it is', async () => {
    const preview = await getPreview({ ctx: { actor: moderator }, input: {} });
    const out = await applyBlocklist({ ctx: { actor: moderator }, input: { digest: preview.digest } });
    expect(out.instances).toBe(Object.keys(fakes).length);
    const actions = await db.action.findMany({ where: { blocklistApplicationId: out.applicationId! } });
    expect(actions).toHaveLength(Object.keys(fakes).length);
    for (const a of actions) expect(a).toMatchObject({ kind: 'domain.blocks_reconcile', reportId: null, status: 'pending' });
    const events = await db.auditEvent.findMany({ where: { targetId: out.applicationId } });
    expect(events.filter((e) => e.action === 'domain.blocks_reconcile.requested')).toHaveLength(actions.length);
    expect(events.filter((e) => e.action === 'blocklist.applied')).toHaveLength(1);

    await runApplication(out.applicationId!);
    for (const kind of Object.keys(fakes)) {
      const blocks = await fakeBlocks(kind);
      expect(blocks.get('spam.example'), kind).toBe('suspend');
      expect(blocks.get('evil.example'), kind).toBe('suspend');
      expect(blocks.get('hand.example'), kind).toBe(kind === 'mastodon' ? 'silence' : 'suspend');
      expect(blocks.get('quiet.example'), kind).toBe(SILENCES.includes(kind) ? 'silence' : undefined);
    }
    const app = await getApplication({ ctx: { actor: moderator }, input: { id: out.applicationId! } });
    expect(app.state).toBe('done');
    expect(app.changes.every((c) => c.state === 'done')).toBe(true);
    expect(app.changes.some((c) => c.instanceId === ids.mastodon && c.domain === 'hand.example')).toBe(false);
    const mirror = await db.instanceDomainBlock.findMany({ where: { domain: 'spam.example' } });
    expect(mirror).toHaveLength(Object.keys(fakes).length);
    for (const m of mirror) expect(m).toMatchObject({ origin: 'list', sourceIds: [sources.a, sources.b].sort(), applicationId: out.applicationId });
    // The account and domain pages read the mirror: a block made by a list shows there too.
    expect((await domainBlocks('spam.example', null)).size).toBe(Object.keys(fakes).length);
    expect((await domainBlocks('hand.example', [ids.mastodon])).get(ids.mastodon)?.severity).toBe('silence');
    // Nothing left to do: the next preview is empty of sendable lines.
    const after = await getPreview({ ctx: { actor: moderator }, input: {} });
    for (const i of after.instances) expect(i.counts.add + i.counts.remove + i.counts.raise + i.counts.lower + i.counts.update, i.name).toBe(0);
  });

  it('a re-sent reconcile after a crash creates nothing twice on the server', async () => {
    await setEntries('a', [['spam.example', 'suspend'], ['hand.example', 'suspend'], ['evil.example', 'suspend'], ['crash.example', 'suspend']]);
    const out = await applyBlocklist({ ctx: { actor: systemActor }, input: { instanceIds: [ids.mastodon] } });
    const [action] = await db.action.findMany({ where: { blocklistApplicationId: out.applicationId! } });
    const creates = () => mastodonRecords().filter((r) => r.method === 'POST' && r.path === '/api/v1/admin/domain_blocks' && JSON.stringify(r.body).includes('crash.example')).length;
    expect(await performAction(action.id, { finalAttempt: true })).toBe('done');
    expect(creates()).toBe(1);
    // As if the worker died after the send and before the outcome was written.
    await db.action.update({ where: { id: action.id }, data: { status: 'pending', unconfirmedSendAt: new Date(), finishedAt: null, leaseUntil: null, leaseToken: null } });
    await db.blocklistChange.updateMany({ where: { actionId: action.id }, data: { state: 'queued', doneAt: null } });
    expect(await performAction(action.id, { finalAttempt: true })).toBe('done');
    expect(creates()).toBe(1);
    expect((await fakeBlocks('mastodon')).get('crash.example')).toBe('suspend');
    expect(await db.blocklistChange.count({ where: { actionId: action.id, state: 'done' } })).toBe(1);
    // The others get it too, so the retraction below starts from one state everywhere.
    await runApplication((await applyBlocklist({ ctx: { actor: systemActor }, input: {} })).applicationId!);
  });

  it('a retraction removes only list-made blocks; the hand-made one of the same domain stays', async () => {
    await setEntries('a', [['evil.example', 'suspend']]);
    await setEntries('b', []);
    const preview = await getPreview({ ctx: { actor: moderator }, input: {} });
    for (const kind of Object.keys(fakes)) {
      const lines = preview.instances.find((i) => i.instanceId === ids[kind])!.lines;
      expect(lines.find((l) => l.domain === 'spam.example')?.op, kind).toBe('remove');
      expect(lines.find((l) => l.domain === 'hand.example')?.op, kind).toBe(kind === 'mastodon' ? undefined : 'remove');
    }
    const out = await applyBlocklist({ ctx: { actor: moderator }, input: { digest: preview.digest, ops: ['remove'] } });
    await runApplication(out.applicationId!);
    for (const kind of Object.keys(fakes)) {
      const blocks = await fakeBlocks(kind);
      expect(blocks.has('spam.example'), kind).toBe(false);
      expect(blocks.has('crash.example'), kind).toBe(false);
      expect(blocks.has('quiet.example'), kind).toBe(false);
      expect(blocks.get('evil.example'), kind).toBe('suspend');
      expect(blocks.get('hand.example'), kind).toBe(kind === 'mastodon' ? 'silence' : undefined);
    }
    const hand = await db.instanceDomainBlock.findUniqueOrThrow({ where: { instanceId_domain: { instanceId: ids.mastodon, domain: 'hand.example' } } });
    expect(hand.origin).toBe('hand');
  });

  it('undo restores the previous state on every fake, with the old provenance', async () => {
    const before = Object.fromEntries(await Promise.all(Object.keys(fakes).map(async (k) => [k, [...(await fakeBlocks(k)).keys()].sort()] as const)));
    const history = await listApplications({ ctx: { actor: moderator } });
    expect(history[0].canUndo).toBe(true);
    await expect(undoApplication({ ctx: { actor: moderator }, input: { applicationId: history[1].id } })).rejects.toMatchObject({ code: 'conflict' });
    const undo = await undoApplication({ ctx: { actor: moderator }, input: { applicationId: history[0].id } });
    await expect(undoApplication({ ctx: { actor: moderator }, input: {} })).rejects.toMatchObject({ code: 'conflict' });
    await runApplication(undo.applicationId);
    for (const kind of Object.keys(fakes)) {
      const blocks = await fakeBlocks(kind);
      expect(blocks.get('spam.example'), kind).toBe('suspend');
      expect(blocks.get('crash.example'), kind).toBe('suspend');
      expect(blocks.get('hand.example'), kind).toBe(kind === 'mastodon' ? 'silence' : 'suspend');
      expect([...blocks.keys()].sort(), kind).toEqual([...new Set([...before[kind], 'spam.example', 'crash.example', 'hand.example', ...(SILENCES.includes(kind) ? ['quiet.example'] : [])])].sort());
    }
    const restored = await db.instanceDomainBlock.findMany({ where: { domain: 'spam.example' } });
    for (const r of restored) expect(r).toMatchObject({ origin: 'list', sourceIds: [sources.a, sources.b].sort() });
    const original = (await listApplications({ ctx: { actor: moderator } })).find((a) => a.id === history[0].id)!;
    expect(original.undoneAt).not.toBeNull();
    expect(await db.auditEvent.count({ where: { action: 'blocklist.undo.requested' } })).toBe(1);
  });

  it('auto-retract (when the team chose it) removes what the lists dropped, as the system', async () => {
    expect(await autoRetractIfEnabled()).toBeNull();
    await db.setting.update({ where: { key: 'blocklists.policy' }, data: { value: { threshold: 1, severity: 'max', autoRetract: true } } });
    const id = await autoRetractIfEnabled();
    expect(id).not.toBeNull();
    const app = await getApplication({ ctx: { actor: moderator }, input: { id: id! } });
    expect(app.kind).toBe('auto_retract');
    expect(new Set(app.changes.map((c) => c.op))).toEqual(new Set(['remove']));
    // A second run while the first is on its way asks for nothing twice.
    expect(await autoRetractIfEnabled()).toBeNull();
    await runApplication(id!);
    for (const kind of Object.keys(fakes)) {
      const blocks = await fakeBlocks(kind);
      expect(blocks.has('spam.example'), kind).toBe(false);
      expect(blocks.get('hand.example'), kind).toBe(kind === 'mastodon' ? 'silence' : undefined);
    }
    expect(await db.auditEvent.count({ where: { action: 'blocklist.auto_retracted' } })).toBe(1);
  });
});
