/**
 * report.create against the fake PeerTube over real HTTP: a video, a comment and an account abuse land, the admin
 * list (listReports) returns them with the admin as reporter, and a remote account's abuse is flagged to its
 * instance exactly once.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../errors';
import type { ConnectorAction } from '../types';
import { caught, withFakePeerTube, type PeerTubeSetup } from './test-support';

let setup: PeerTubeSetup | null = null;
afterEach(async () => {
  await setup?.fake.close();
  setup = null;
});

const create = (accountId: string, statusIds: string[], comment = 'Case 5 (fedimod): please review the origin.'): ConnectorAction => ({
  kind: 'report.create', accountId, statusIds, comment, forward: true,
});
const abusePosts = (s: PeerTubeSetup) => s.fake.state.records.filter((r) => r.method === 'POST' && r.path === '/api/v1/abuses');
const flags = async (s: PeerTubeSetup) => (await (await fetch(`${s.fake.url}/__fake/flags`)).json()) as Array<{ abuseId: number; host: string }>;

describe('PeerTube report.create against the fake', () => {
  it('reports a remote video: listed as pending with the admin as reporter, flagged to its instance once', async () => {
    setup = await withFakePeerTube({ reports: 0 });
    const seeded = await setup.connector.getReport(String(setup.fake.addReport({ kind: 'video', flagged: 'bob', state: 3 }).id));
    const videoStatus = seeded.statuses[0].remoteId;
    const result = await setup.connector.perform(create(seeded.target.remoteId, [videoStatus]));
    expect(result).toEqual({ ok: true, remoteRef: expect.stringMatching(/^\d+$/) });
    expect(abusePosts(setup).map((r) => [r.body, r.status])).toEqual([
      [{ reason: 'Case 5 (fedimod): please review the origin.', video: { id: Number(videoStatus.slice('video-'.length)) } }, 200],
    ]);
    const page = await setup.connector.listReports({ resolved: false });
    expect(page.items.find((r) => r.remoteId === result.remoteRef)).toMatchObject({
      comment: 'Case 5 (fedimod): please review the origin.', resolved: false, target: { acct: 'bob@remote.example' },
      reporter: { username: 'root' }, statuses: [{ remoteId: videoStatus }],
    });
    expect(await flags(setup)).toEqual([expect.objectContaining({ abuseId: Number(result.remoteRef), host: 'remote.example' })]);
  });

  it('reports a comment through its own subject', async () => {
    setup = await withFakePeerTube({ reports: 0 });
    const seeded = await setup.connector.getReport(String(setup.fake.addReport({ kind: 'comment', flagged: 'mallory', state: 3 }).id));
    const commentStatus = seeded.statuses[0].remoteId;
    const result = await setup.connector.perform(create(seeded.target.remoteId, [commentStatus]));
    expect(abusePosts(setup)[0].body).toEqual({ reason: 'Case 5 (fedimod): please review the origin.', comment: { id: Number(commentStatus.split('-')[2]) } });
    expect((await setup.connector.getReport(result.remoteRef!)).statuses.map((s) => s.remoteId)).toEqual([commentStatus]);
  });

  it('reports an account by its handle when there is no video, and does not flag a local one', async () => {
    setup = await withFakePeerTube({ reports: 0 });
    const bob = [...setup.fake.state.accounts.values()].find((a) => a.name === 'bob')!;
    const remote = await setup.connector.perform(create('bob@remote.example', []));
    expect(abusePosts(setup).at(-1)?.body).toEqual({ reason: 'Case 5 (fedimod): please review the origin.', account: { id: bob.id } });
    expect(await setup.connector.getReport(remote.remoteRef!)).toMatchObject({ statuses: [], target: { acct: 'bob@remote.example' }, reporter: { username: 'root' } });
    const host = new URL(setup.fake.url).host;
    await setup.connector.perform(create(`alice@${host}`, []));
    expect((await flags(setup)).map((f) => f.abuseId)).toEqual([Number(remote.remoteRef)]);
    expect(abusePosts(setup).map((r) => r.status)).toEqual([200, 200]);
  });

  it('refuses a short reason or several posts before calling, and passes the server\'s not-found on', async () => {
    setup = await withFakePeerTube({ reports: 0 });
    for (const action of [create('bob@remote.example', [], 'x'), create('bob@remote.example', [], 'y'.repeat(3001)), create('bob@remote.example', ['video-1', 'video-2'])]) {
      expect(((await caught(() => setup!.connector.perform(action))) as AppError).code).toBe('bad_request');
    }
    expect(abusePosts(setup)).toEqual([]);
    expect(((await caught(() => setup!.connector.perform(create('nobody@remote.example', [])))) as AppError).code).toBe('not_found');
    const missingVideo = await caught(() => setup!.connector.perform(create('bob@remote.example', ['video-99999'])));
    expect((missingVideo as AppError).code).toBe('not_found');
    expect(abusePosts(setup).map((r) => r.status)).toEqual([404]);
    expect(setup.fake.state.abuses.size).toBe(0);
  });
});
