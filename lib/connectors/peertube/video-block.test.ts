import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../errors';
import { peertubeCapabilities } from './capabilities';
import { createPeerTubeConnector } from './connector';
import { caught, withFakePeerTube, type PeerTubeSetup } from './test-support';

let setup: PeerTubeSetup | null = null;
afterEach(async () => {
  await setup?.fake.close();
  setup = null;
});

const writes = (s: PeerTubeSetup) => s.fake.state.records.filter((r) => r.path !== '/api/v1/users/token');

/** The status id our mapper gives the reported video of a new abuse against `flagged` (local: alice; remote: bob). */
async function reportedVideo(s: PeerTubeSetup, flagged: 'alice' | 'bob'): Promise<{ statusId: string; videoId: number }> {
  const report = await s.connector.getReport(String(s.fake.addReport({ kind: 'video', flagged }).id));
  const statusId = report.statuses[0].remoteId;
  return { statusId, videoId: Number(statusId.replace('video-', '')) };
}

describe('peertube status.block', () => {
  it('blocks a local video with its reason and unfederate, then unblocks it', async () => {
    setup = await withFakePeerTube({ reports: 0 });
    const { statusId, videoId } = await reportedVideo(setup, 'alice');
    const blocked = await setup.connector.perform({ kind: 'status.block', statusId, blocked: true, reason: '  Copyright claim  ' });
    expect(blocked).toEqual({ ok: true, remoteRef: statusId });
    expect(setup.fake.state.videoBlocks.get(videoId)).toMatchObject({ reason: 'Copyright claim', unfederated: true, type: 1 });

    await setup.connector.perform({ kind: 'status.block', statusId, blocked: false });
    expect(setup.fake.state.videoBlocks.has(videoId)).toBe(false);
    expect(writes(setup).map((r) => [r.method, r.path, r.body, r.status])).toEqual([
      ['POST', `/api/v1/videos/${videoId}/blacklist`, { reason: 'Copyright claim', unfederate: true }, 204],
      ['DELETE', `/api/v1/videos/${videoId}/blacklist`, {}, 204],
    ]);
    expect(JSON.stringify(setup.fake.state.records)).toContain(`"POST","path":"/api/v1/videos/${videoId}/blacklist"`);
  });

  it('blocks a remote video without unfederate (PeerTube refuses it there) and without an empty reason', async () => {
    setup = await withFakePeerTube({ reports: 0 });
    const { statusId, videoId } = await reportedVideo(setup, 'bob');
    await setup.connector.perform({ kind: 'status.block', statusId, blocked: true, reason: '   ' });
    expect(writes(setup).map((r) => [r.method, r.path, r.body, r.status])).toEqual([['POST', `/api/v1/videos/${videoId}/blacklist`, {}, 204]]);
    expect(setup.fake.state.videoBlocks.get(videoId)).toMatchObject({ reason: null, unfederated: false });
  });

  it('sends nothing when the video is already as asked (auto-blocked, or blocked by someone else)', async () => {
    setup = await withFakePeerTube({ reports: 0 });
    const { statusId, videoId } = await reportedVideo(setup, 'alice');
    await setup.connector.perform({ kind: 'status.block', statusId, blocked: false });
    setup.fake.state.blockVideo(videoId, { type: 2, unfederated: true, reason: 'Automatically blocked' });
    expect(await setup.connector.perform({ kind: 'status.block', statusId, blocked: true })).toEqual({ ok: true, remoteRef: statusId });
    expect(writes(setup)).toEqual([]);
    expect(setup.fake.state.videoBlocks.get(videoId)?.type).toBe(2);
  });

  it('refuses a comment with a clear message, before any request', async () => {
    setup = await withFakePeerTube({ reports: 0 });
    const report = await setup.connector.getReport(String(setup.fake.addReport({ kind: 'comment' }).id));
    const before = setup.fake.state.records.length;
    const e = (await caught(() => setup!.connector.perform({ kind: 'status.block', statusId: report.statuses[0].remoteId, blocked: true }))) as AppError;
    expect(e).toBeInstanceOf(AppError);
    expect(e).toMatchObject({ code: 'unsupported', userMessage: 'Only videos can be blocked; delete the comment instead.' });
    const bad = (await caught(() => setup!.connector.perform({ kind: 'status.block', statusId: 'video-1/../x', blocked: true }))) as AppError;
    expect(bad.code).toBe('bad_request');
    expect(setup.fake.state.records.length).toBe(before);
  });

  it('refuses a reason PeerTube would reject (over 300 characters, or a single one) rather than cutting it', async () => {
    setup = await withFakePeerTube({ reports: 0 });
    const { statusId } = await reportedVideo(setup, 'alice');
    const long = (await caught(() => setup!.connector.perform({ kind: 'status.block', statusId, blocked: true, reason: 'r'.repeat(301) }))) as AppError;
    expect(long.code).toBe('bad_request');
    expect(long.userMessage).toContain('300 characters; this one has 301');
    const short = (await caught(() => setup!.connector.perform({ kind: 'status.block', statusId, blocked: true, reason: 'r' }))) as AppError;
    expect(short.userMessage).toContain('at least 2 characters');
    expect(writes(setup)).toEqual([]);
    expect(setup.fake.state.videoBlocks.size).toBe(0);
  });

  it('surfaces remote errors: a deleted video is not found, a block racing another moderator is a remote error', async () => {
    setup = await withFakePeerTube({ reports: 0 });
    const missing = (await caught(() => setup!.connector.perform({ kind: 'status.block', statusId: 'video-424242', blocked: true }))) as AppError;
    expect(missing).toMatchObject({ code: 'not_found', details: { status: 404, remoteError: 'Video not found' } });

    // Someone blocks the video in PeerTube between our read and our write: PeerTube's unique index fails.
    const { statusId, videoId } = await reportedVideo(setup, 'alice');
    const fake = setup.fake;
    const connector = createPeerTubeConnector({
      baseUrl: fake.url,
      token: fake.token,
      sleep: async () => {},
      fetch: async (url, init) => {
        const res = await fetch(url, init);
        if (init?.method === 'GET' && url.endsWith(`/api/v1/videos/${videoId}`)) fake.state.blockVideo(videoId);
        return res;
      },
    });
    const e = (await caught(() => connector.perform({ kind: 'status.block', statusId, blocked: true, reason: 'spam' }))) as AppError;
    expect(e).toMatchObject({ code: 'remote_error', details: { status: 500, remoteError: 'Validation error' } });
    expect(e.userMessage).toBe('The instance returned an error: Validation error');
    expect(writes(setup).filter((r) => r.method === 'POST').every((r) => r.status === 500)).toBe(true);
  });

  it('declares block in capabilities with a moderator note, and points delete at it', () => {
    expect(peertubeCapabilities.actions).toContain('status.block');
    expect(peertubeCapabilities.notes['status.block']).toContain(
      'On PeerTube this adds the video to the block list: hidden from everyone but moderators, reversible.',
    );
    expect(peertubeCapabilities.notes['status.delete']).toContain('prefer Block');
    expect(peertubeCapabilities.notes['report.reject']).toContain('"rejected" (no violation)');
    expect(peertubeCapabilities.notes['report.resolve']).not.toContain('not offered');
    expect(peertubeCapabilities.minVersion).toBe('7.0');
  });
});
