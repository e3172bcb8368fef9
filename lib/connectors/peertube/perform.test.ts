import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../errors';
import type { ConnectorAction } from '../types';
import { peertubeCapabilities } from './capabilities';
import { caught, withFakePeerTube, type PeerTubeSetup } from './test-support';

let setup: PeerTubeSetup | null = null;
afterEach(async () => {
  await setup?.fake.close();
  setup = null;
});

const writes = (s: PeerTubeSetup) => s.fake.state.records.filter((r) => r.path !== '/api/v1/users/token');

describe('peertube perform', () => {
  it('resolves (accepted, with the moderation comment) and reopens a report', async () => {
    setup = await withFakePeerTube({ reports: 0 });
    const id = String(setup.fake.addReport({ state: 1 }).id);
    const resolved = await setup.connector.perform({ kind: 'report.resolve', reportId: id, comment: 'removed' });
    expect(resolved).toMatchObject({ ok: true, remoteRef: id, report: { remoteId: id, resolved: true } });
    expect(setup.fake.state.abuses.get(Number(id))).toMatchObject({ state: 3, moderationComment: 'removed' });
    await setup.connector.perform({ kind: 'report.reopen', reportId: id });
    expect(setup.fake.state.abuses.get(Number(id))?.state).toBe(1);
    expect(writes(setup).map((r) => [r.method, r.path, r.body, r.status])).toEqual([
      ['PUT', `/api/v1/abuses/${id}`, { state: 3, moderationComment: 'removed' }, 204],
      ['PUT', `/api/v1/abuses/${id}`, { state: 1 }, 204],
    ]);
  });

  it('deletes a reported video and a reported comment through their own endpoints', async () => {
    setup = await withFakePeerTube({ reports: 0 });
    const video = await setup.connector.getReport(String(setup.fake.addReport({ kind: 'video' }).id));
    const comment = await setup.connector.getReport(String(setup.fake.addReport({ kind: 'comment' }).id));
    for (const s of [...video.statuses, ...comment.statuses]) await setup.connector.perform({ kind: 'status.delete', statusId: s.remoteId });
    const [, videoId] = video.statuses[0].remoteId.split('-');
    const [, cVideo, cId] = comment.statuses[0].remoteId.split('-');
    expect(writes(setup).map((r) => [r.method, r.path, r.status])).toEqual([
      ['DELETE', `/api/v1/videos/${videoId}`, 204],
      ['DELETE', `/api/v1/videos/${cVideo}/comments/${cId}`, 204],
    ]);
    expect(setup.fake.state.summary()).toMatchObject({ deletedVideos: [Number(videoId)], deletedComments: [Number(cId)] });
  });

  it('suspends and unsuspends through the server account block list, and blocks a server', async () => {
    setup = await withFakePeerTube({ reports: 0 });
    await setup.connector.perform({ kind: 'account.action', accountId: 'bob@remote.example', type: 'suspend', notify: false });
    expect([...setup.fake.state.blockedAccounts]).toEqual(['bob@remote.example']);
    await setup.connector.perform({ kind: 'account.undo', accountId: 'bob@remote.example', type: 'unsuspend' });
    await setup.connector.perform({
      kind: 'domain.block', domain: 'Spam.Example', severity: 'suspend', rejectMedia: false, rejectReports: false, obfuscate: false,
    });
    expect(setup.fake.state.blockedAccounts.size).toBe(0);
    expect([...setup.fake.state.blockedServers.keys()]).toEqual(['spam.example']);
    expect(writes(setup).map((r) => [r.method, r.path, r.body, r.status])).toEqual([
      ['POST', '/api/v1/server/blocklist/accounts', { accountName: 'bob@remote.example' }, 204],
      ['DELETE', '/api/v1/server/blocklist/accounts/bob%40remote.example', {}, 204],
      ['POST', '/api/v1/server/blocklist/servers', { host: 'spam.example' }, 204],
    ]);
  });

  it('surfaces the remote problem detail (409 blocking its own host, 404 on a missing video)', async () => {
    setup = await withFakePeerTube({ reports: 0 });
    const block = { kind: 'domain.block', domain: 'spam.example', severity: 'suspend', rejectMedia: false, rejectReports: false, obfuscate: false } as const;
    await setup.connector.perform(block);
    // PeerTube upserts a server block: blocking the same host again is not an error.
    await setup.connector.perform(block);
    const own = { ...block, domain: setup.fake.state.host };
    const e = (await caught(() => setup!.connector.perform(own))) as AppError;
    expect(e).toMatchObject({ code: 'remote_error', details: { status: 409, remoteError: 'You cannot block your own server.' } });
    expect(e.userMessage).toContain('You cannot block your own server.');
    const missing = (await caught(() => setup!.connector.perform({ kind: 'status.delete', statusId: 'video-424242' }))) as AppError;
    expect(missing).toMatchObject({ code: 'not_found', details: { status: 404, remoteError: 'Video not found' } });
    expect(writes(setup).at(-1)).toMatchObject({ method: 'DELETE', status: 404 });
  });

  it('refuses writes for a plain user with the remote text', async () => {
    setup = await withFakePeerTube({ reports: 0 });
    setup.fake.state.auth.role = 2;
    const e = (await caught(() => setup!.connector.perform({ kind: 'report.reopen', reportId: '1' }))) as AppError;
    expect(e).toMatchObject({ code: 'forbidden', details: { status: 403, remoteError: 'User does not have the right to do this' } });
  });

  it('throws unsupported for actions not in capabilities, before any request', async () => {
    setup = await withFakePeerTube({ reports: 0 });
    const actions: ConnectorAction[] = [
      { kind: 'report.assign_to_self', reportId: '1' },
      { kind: 'report.unassign', reportId: '1' },
      { kind: 'report.set_category', reportId: '1', category: 'spam' },
      { kind: 'report.forward', reportId: '1' },
      { kind: 'status.sensitive', statusId: 'video-1', sensitive: true },
      { kind: 'media.purge', urls: ['https://x.example/a.jpg'] },
      { kind: 'status.purge', statusId: 'video-1' },
      { kind: 'status.visibility', statusId: 'video-1', visibility: 'private' },
      { kind: 'account.delete', accountId: 'bob@remote.example' },
      { kind: 'media.delete', mediaId: '1-thumbnail' },
      { kind: 'account.action', accountId: 'bob@remote.example', type: 'silence', notify: false },
      { kind: 'account.undo', accountId: 'bob@remote.example', type: 'unsilence' },
    ];
    for (const action of actions) {
      const e = (await caught(() => setup!.connector.perform(action))) as AppError;
      expect(e).toBeInstanceOf(AppError);
      expect(e.code).toBe('unsupported');
      if (!action.kind.startsWith('account.')) {
        expect(peertubeCapabilities.actions).not.toContain(action.kind);
        expect(e.userMessage).toBe(peertubeCapabilities.notes[action.kind]);
      }
    }
    expect(peertubeCapabilities.notes['media.purge']).toContain('redundancy');
    expect(peertubeCapabilities.notes['account.action']).toContain('On PeerTube this blocks the account server-wide');
    expect(setup.fake.state.records).toEqual([]);
  });

  it('rejects ids that do not fit a path segment or an account name', async () => {
    setup = await withFakePeerTube({ reports: 0 });
    for (const action of [
      { kind: 'status.delete', statusId: '../users/1' },
      { kind: 'report.resolve', reportId: '1/../2' },
      { kind: 'account.action', accountId: '12', type: 'suspend', notify: false },
    ] as ConnectorAction[]) {
      expect(((await caught(() => setup!.connector.perform(action))) as AppError).code).toBe('bad_request');
    }
  });
});
