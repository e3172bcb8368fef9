/**
 * "Suspend everywhere" over real HTTP: three fakes (Mastodon, GoToSocial, Lemmy) connected and synced, one remote
 * account known to all three. One request writes one outbox action per capable instance with its audit events,
 * the worker's performAction lands each on its own fake, and the skips say why in words.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { performAction } from '@/lib/actions/perform-action';
import { applyEverywhere } from '@/lib/actors/apply-everywhere';
import { getAccountStates } from '@/lib/actors/get-account-states';
import { addInstance } from '@/lib/instances/add-instance';
import { syncInstance } from '@/lib/sync/sync-instance';
import { startFakeMastodon } from '@/e2e/fakes/mastodon/server';
import { startFakeGoToSocial } from '@/e2e/fakes/gotosocial/server';
import { startFakeLemmy } from '@/e2e/fakes/lemmy/server';
import { persistActor, systemActor, userActor } from './support/fixtures';

interface AnyFake { url: string; token: string; close(): Promise<void>; state: { records: unknown[] } }

const HANDLE = 'spammer@bad.example';
const fakes: Record<string, AnyFake> = {};
const ids: Record<string, string> = {};
const moderator = userActor('moderator');

beforeAll(async () => {
  fakes.mastodon = (await startFakeMastodon({ reports: 3, seed: 71 })) as unknown as AnyFake;
  fakes.gotosocial = (await startFakeGoToSocial({ reports: 3, seed: 72 })) as unknown as AnyFake;
  fakes.lemmy = (await startFakeLemmy({ reports: 3, seed: 73 })) as unknown as AnyFake;
  await persistActor(moderator);
  for (const [kind, fake] of Object.entries(fakes)) {
    const added = await addInstance({ ctx: { actor: systemActor }, input: { kind: 'auto', baseUrl: fake.url, token: fake.token, allowPrivate: true, name: `Fake ${kind}` } });
    ids[kind] = added.id;
    await syncInstance(added.id);
    // The fakes do not federate with each other: make each one's reported account the same remote person
    // (the remote id stays the fake's own, so its admin API knows the account).
    const report = await db.report.findFirstOrThrow({ where: { instanceId: added.id }, orderBy: { remoteCreatedAt: 'desc' } });
    await db.account.update({ where: { id: report.targetId }, data: { username: 'Spammer', domain: 'bad.example', suspended: false, silenced: false } });
  }
}, 120_000);
afterAll(async () => {
  for (const f of Object.values(fakes)) await f.close();
});

describe('apply everywhere', () => {
  it('limit: only Mastodon can; the others say why', async () => {
    const out = await applyEverywhere({ ctx: { actor: moderator }, input: { subject: { type: 'account', handle: HANDLE }, action: { kind: 'account.action', type: 'silence' }, preview: true } });
    const by = Object.fromEntries(out.results.map((r) => [r.instanceId, r]));
    expect(by[ids.mastodon]).toMatchObject({ outcome: 'queued' });
    expect(by[ids.lemmy]).toMatchObject({ outcome: 'skipped', reason: 'Lemmy cannot limit accounts' });
    expect(by[ids.gotosocial]).toMatchObject({ outcome: 'skipped', reason: 'GoToSocial cannot limit accounts' });
  });

  it('suspend: one action per instance in one request, each landing on its own fake', async () => {
    const before = Object.fromEntries(Object.entries(fakes).map(([k, f]) => [k, f.state.records.length]));
    const out = await applyEverywhere({ ctx: { actor: moderator }, input: { subject: { type: 'account', handle: HANDLE }, action: { kind: 'account.action', type: 'suspend', text: 'spam everywhere' } } });
    expect(out.preview).toBe(false);
    expect(out.results).toHaveLength(3);
    expect(out.results.every((r) => r.outcome === 'queued' && r.actionId)).toBe(true);
    const actions = await db.action.findMany({ where: { id: { in: out.results.map((r) => r.actionId!) } } });
    expect(new Set(actions.map((a) => a.instanceId))).toEqual(new Set(Object.values(ids)));
    for (const a of actions) {
      expect(a.kind).toBe('account.action');
      expect(a.reportId).not.toBeNull();
      expect(a.payload).toMatchObject({ type: 'suspend', notify: false });
    }
    const events = await db.auditEvent.findMany({ where: { action: { in: ['account.action.requested', 'account.apply_everywhere.requested'] } } });
    expect(events.filter((e) => e.action === 'account.action.requested')).toHaveLength(3);
    const summary = events.find((e) => e.action === 'account.apply_everywhere.requested')!;
    expect(summary.targetId).toBe(HANDLE);
    expect((summary.details as { results: unknown[] }).results).toHaveLength(3);

    for (const a of actions) expect(await performAction(a.id, { finalAttempt: true }), a.instanceId).toBe('done');
    for (const [kind, f] of Object.entries(fakes)) expect(f.state.records.length, kind).toBeGreaterThan(before[kind]);
    const states = await getAccountStates({ ctx: { actor: moderator }, input: { handle: HANDLE } });
    expect(states.states.map((s) => s.state)).toEqual(['suspended', 'suspended', 'suspended']);
  });

  it('a second suspend reaches nobody: already suspended everywhere, and nothing is written', async () => {
    const before = await db.action.count();
    const out = await applyEverywhere({ ctx: { actor: moderator }, input: { subject: { type: 'account', handle: HANDLE }, action: { kind: 'account.action', type: 'suspend' } } });
    expect(out.results.map((r) => r.reason)).toEqual(['already suspended', 'already suspended', 'already suspended']);
    expect(await db.action.count()).toBe(before);
  });

  it('block the domain everywhere that can, and the domain then reads as blocked', async () => {
    const out = await applyEverywhere({ ctx: { actor: moderator }, input: { subject: { type: 'domain', domain: 'bad.example' }, action: { kind: 'domain.block', severity: 'suspend', rejectMedia: true } } });
    const queued = out.results.filter((r) => r.outcome === 'queued');
    expect(queued.length).toBeGreaterThanOrEqual(2);
    for (const r of queued) expect(await performAction(r.actionId!, { finalAttempt: true }), r.name).toBe('done');
    const again = await applyEverywhere({ ctx: { actor: moderator }, input: { subject: { type: 'domain', domain: 'bad.example' }, action: { kind: 'domain.block', severity: 'suspend' }, preview: true } });
    for (const r of queued) expect(again.results.find((x) => x.instanceId === r.instanceId)?.reason).toBe('already blocked');
  });

  it('a moderator limited to one instance reaches only that one', async () => {
    const limited = userActor('moderator', [ids.lemmy], '00000000-0000-4000-8000-0000000000a2');
    const out = await applyEverywhere({ ctx: { actor: limited }, input: { subject: { type: 'account', handle: HANDLE }, action: { kind: 'account.action', type: 'suspend' }, preview: true } });
    expect(out.results.map((r) => r.instanceId)).toEqual([ids.lemmy]);
  });

  it('viewers cannot apply', async () => {
    await expect(applyEverywhere({ ctx: { actor: userActor('viewer') }, input: { subject: { type: 'account', handle: HANDLE }, action: { kind: 'account.action', type: 'suspend' } } })).rejects.toMatchObject({ code: 'forbidden' });
  });
});
