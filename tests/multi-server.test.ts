/**
 * Every supported server kind in one queue: each fake is detected from NodeInfo, verified, synced, listed in
 * the same queue, and a resolve requested in the dashboard reaches that fake's own endpoint.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { performAction } from '@/lib/actions/perform-action';
import { requestAction } from '@/lib/actions/request-action';
import { addInstance } from '@/lib/instances/add-instance';
import { listQueue } from '@/lib/queue/list-queue';
import { syncInstance } from '@/lib/sync/sync-instance';
import { startFakeMastodon } from '@/e2e/fakes/mastodon/server';
import { startFakeGoToSocial } from '@/e2e/fakes/gotosocial/server';
import { startFakeAkkoma } from '@/e2e/fakes/akkoma/server';
import { startFakeMisskey } from '@/e2e/fakes/misskey/server';
import { startFakeLemmy } from '@/e2e/fakes/lemmy/server';
import { startFakePeerTube } from '@/e2e/fakes/peertube/server';
import { persistActor, systemActor, userActor } from './support/fixtures';

interface AnyFake {
  url: string;
  token: string;
  close(): Promise<void>;
  state: { records: unknown[]; summary(): { reports?: { open: number }; abuses?: { pending: number } } };
}

/** Each fake reports its open count in its own words (PeerTube calls them pending abuses). */
const openOnFake = (f: AnyFake) => f.state.summary().reports?.open ?? f.state.summary().abuses?.pending ?? -1;

const RESOLVE_ENDPOINT: Record<string, RegExp> = {
  mastodon: /\/api\/v1\/admin\/reports\/[^/"]+\/resolve/,
  gotosocial: /\/api\/v1\/admin\/reports\/[^/"]+\/resolve/,
  akkoma: /\/api\/v1\/pleroma\/admin\/reports/,
  misskey: /admin\/resolve-abuse-user-report/,
  lemmy: /\/api\/v3\/(post|comment|private_message)\/report\/resolve/,
  peertube: /"PUT","path":"\/api\/v1\/abuses\//,
};

const fakes: Record<string, AnyFake> = {};
const instanceIds: Record<string, string> = {};

beforeAll(async () => {
  fakes.mastodon = (await startFakeMastodon({ reports: 6, seed: 41 })) as unknown as AnyFake;
  fakes.gotosocial = (await startFakeGoToSocial({ reports: 6, seed: 42 })) as unknown as AnyFake;
  fakes.akkoma = (await startFakeAkkoma({ reports: 6, seed: 43 })) as unknown as AnyFake;
  fakes.misskey = (await startFakeMisskey({ reports: 6, seed: 44 })) as unknown as AnyFake;
  fakes.lemmy = (await startFakeLemmy({ reports: 6, seed: 45 })) as unknown as AnyFake;
  fakes.peertube = (await startFakePeerTube({ reports: 6, seed: 46 })) as unknown as AnyFake;
  await persistActor(userActor('moderator'));
});
afterAll(async () => {
  for (const f of Object.values(fakes)) await f.close();
});

describe('every server kind in one queue', () => {
  it.each(['mastodon', 'gotosocial', 'akkoma', 'misskey', 'lemmy', 'peertube'])('%s: detected, verified and synced', async (kind) => {
    const fake = fakes[kind];
    const added = await addInstance({ ctx: { actor: systemActor }, input: { kind: 'auto', baseUrl: fake.url, token: fake.token, allowPrivate: true, name: `Fake ${kind}` } });
    const row = await db.instance.findUniqueOrThrow({ where: { id: added.id } });
    expect(row.kind).toBe(kind);
    expect((row.software as { detected: { source: string } }).detected.source).toBe('nodeinfo');
    instanceIds[kind] = added.id;
    const summary = await syncInstance(added.id);
    expect(summary.skipped).toBe(0);
    expect(await db.report.count({ where: { instanceId: added.id, status: 'open' } })).toBe(openOnFake(fake));
  });

  it('lists reports from every instance in one queue', async () => {
    const page = await listQueue({ ctx: { actor: userActor('admin') }, input: { limit: 200 } });
    const kinds = new Set(page.items.map((r) => r.instance.kind));
    expect([...kinds].sort()).toEqual(['akkoma', 'gotosocial', 'lemmy', 'mastodon', 'misskey', 'peertube']);
    expect(page.counts).toHaveLength(6);
  });

  it.each(['mastodon', 'gotosocial', 'akkoma', 'misskey', 'lemmy', 'peertube'])('%s: a resolve reaches the right endpoint', async (kind) => {
    const report = await db.report.findFirstOrThrow({ where: { instanceId: instanceIds[kind], status: 'open' } });
    const { actionId } = await requestAction({ ctx: { actor: userActor('moderator') }, input: { reportId: report.id, action: { kind: 'report.resolve', comment: 'handled in the dashboard' } } });
    expect(await performAction(actionId, { finalAttempt: true })).toBe('done');
    expect(JSON.stringify(fakes[kind].state.records)).toMatch(RESOLVE_ENDPOINT[kind]);
    expect((await db.report.findUniqueOrThrow({ where: { id: report.id } })).status).toBe('resolved');
  });

  it('an action a server lacks is refused before anything is sent', async () => {
    const report = await db.report.findFirstOrThrow({ where: { instanceId: instanceIds.gotosocial, status: 'open' } });
    const before = fakes.gotosocial.state.records.length;
    await expect(requestAction({ ctx: { actor: userActor('moderator') }, input: { reportId: report.id, action: { kind: 'report.assign_to_self' } } })).rejects.toMatchObject({ code: 'unsupported' });
    expect(fakes.gotosocial.state.records.length).toBe(before);
  });
});
