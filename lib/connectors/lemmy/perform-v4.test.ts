import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../errors';
import type { ConnectorAction } from '../types';
import { caught, withFakeLemmy, type LemmySetup } from './test-support';

let setup: LemmySetup | null = null;
afterEach(async () => {
  await setup?.fake.close();
  setup = null;
});

const lastRecord = (s: LemmySetup) => s.fake.state.records.at(-1);
const block = (domain: string): ConnectorAction => ({ kind: 'domain.block', domain, severity: 'suspend', rejectMedia: false, rejectReports: false, obfuscate: false });

describe('lemmy v4 perform', () => {
  it('resolves and reopens each report type through /api/v4 and returns the fresh report', async () => {
    setup = await withFakeLemmy({ reports: 0, apiVersion: 'v4' });
    for (const [type, path] of [['post', 'post'], ['comment', 'comment'], ['pm', 'private_message']] as const) {
      const raw = setup.fake.addReport({ type, resolved: false });
      const id = Number(raw.remoteId.split(':')[1]);
      const res = await setup.connector.perform({ kind: 'report.resolve', reportId: raw.remoteId, comment: 'done' });
      expect(res.report).toMatchObject({ remoteId: raw.remoteId, resolved: true });
      // resolve_reason is unverified, so the comment is not sent.
      expect(lastRecord(setup)).toEqual(expect.objectContaining({ method: 'PUT', path: `/api/v4/${path}/report/resolve`, body: { report_id: id, resolved: true }, status: 200 }));
      await setup.connector.perform({ kind: 'report.reopen', reportId: raw.remoteId });
      expect(setup.fake.state.reports.get(raw.remoteId)!.resolved).toBe(false);
    }
  });

  it('removes posts and comments, sending the required reason (a default when none is given)', async () => {
    setup = await withFakeLemmy({ reports: 0, apiVersion: 'v4' });
    const post = await setup.connector.getReport(setup.fake.addReport({ type: 'post' }).remoteId);
    const comment = await setup.connector.getReport(setup.fake.addReport({ type: 'comment' }).remoteId);
    const postId = Number(post.statuses[0].remoteId.split(':')[1]);
    await setup.connector.perform({ kind: 'status.delete', statusId: post.statuses[0].remoteId, reason: 'spam' });
    expect(lastRecord(setup)).toMatchObject({ path: '/api/v4/post/remove', body: { post_id: postId, removed: true, reason: 'spam' }, status: 200 });
    await setup.connector.perform({ kind: 'status.delete', statusId: comment.statuses[0].remoteId });
    expect(lastRecord(setup)).toMatchObject({ path: '/api/v4/comment/remove', body: { removed: true, reason: 'Removed from the moderation dashboard' }, status: 200 });
    expect(setup.fake.state.summary()).toMatchObject({ removedPosts: [postId], removedComments: [Number(comment.statuses[0].remoteId.split(':')[1])] });
    expect(((await caught(() => setup!.connector.perform({ kind: 'status.delete', statusId: 'pm:1' }))) as AppError).code).toBe('bad_request');
  });

  it('suspend is POST /admin/ban with a reason and no data removal; unsuspend lifts it', async () => {
    setup = await withFakeLemmy({ reports: 0, apiVersion: 'v4' });
    await setup.connector.perform({ kind: 'account.action', accountId: '4', type: 'suspend', notify: false });
    expect(lastRecord(setup)).toMatchObject({
      method: 'POST', path: '/api/v4/admin/ban', body: { person_id: 4, ban: true, reason: 'Banned from the moderation dashboard', remove_or_restore_data: false }, status: 200,
    });
    expect(setup.fake.state.persons.get(4)!.banned).toBe(true);
    await setup.connector.perform({ kind: 'account.action', accountId: '4', type: 'suspend', text: 'spam ring', notify: false });
    expect(lastRecord(setup)).toMatchObject({ body: { reason: 'spam ring' } });
    await setup.connector.perform({ kind: 'account.undo', accountId: '4', type: 'unsuspend' });
    expect(lastRecord(setup)!.body).toEqual({ person_id: 4, ban: false, reason: 'Unbanned from the moderation dashboard' });
    expect(setup.fake.state.persons.get(4)!.banned).toBe(false);
  });

  it('instance block is one POST per instance after reading the list, and nothing for one already blocked', async () => {
    setup = await withFakeLemmy({ reports: 0, apiVersion: 'v4' });
    setup.fake.state.blockedInstances = ['old.example', 'spam.example'];
    await setup.connector.perform(block('Bad.Example'));
    expect(setup.fake.state.records).toEqual([
      expect.objectContaining({ method: 'POST', path: '/api/v4/admin/instance/block', body: { instance: 'bad.example', block: true, reason: 'Blocked from the moderation dashboard' }, status: 200 }),
    ]);
    expect(setup.fake.state.blockedInstances).toEqual(['old.example', 'spam.example', 'bad.example']);
    await setup.connector.perform(block('spam.example')); // already blocked (1.0 would answer couldnt_create): nothing sent
    expect(setup.fake.state.records).toHaveLength(1);
    expect(setup.fake.state.blockedInstances).toEqual(['old.example', 'spam.example', 'bad.example']);
    expect(((await caught(() => setup!.connector.perform(block('not a domain')))) as AppError).code).toBe('bad_request');
  });

  it('surfaces remote errors: 404 not_found, not_an_admin, and other codes as remote_error with the text', async () => {
    setup = await withFakeLemmy({ reports: 0, apiVersion: 'v4' });
    const e = (await caught(() => setup!.connector.perform({ kind: 'account.action', accountId: '999', type: 'suspend', notify: false }))) as AppError;
    expect(e.code).toBe('not_found');
    expect(e.details).toMatchObject({ status: 404, remoteError: 'not_found' });
    const local = (await caught(() => setup!.connector.perform(block('lemmy.test')))) as AppError;
    expect(local.code).toBe('remote_error');
    expect(local.userMessage).toContain('cant_block_local_instance');
    const missing = (await caught(() => setup!.connector.perform({ kind: 'report.resolve', reportId: 'post:4242' }))) as AppError;
    expect(missing.code).toBe('not_found');
    setup.fake.state.admin().admin = false;
    const e2 = (await caught(() => setup!.connector.perform({ kind: 'status.delete', statusId: 'post:1' }))) as AppError;
    expect(e2.code).toBe('forbidden');
    expect(e2.message).toContain('not_an_admin');
  });
});
