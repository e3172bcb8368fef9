import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../errors';
import type { ConnectorAction } from '../types';
import { lemmyCapabilities } from './capabilities';
import { caught, withFakeLemmy, type LemmySetup } from './test-support';

let setup: LemmySetup | null = null;
afterEach(async () => {
  await setup?.fake.close();
  setup = null;
});

const lastRecord = (s: LemmySetup) => s.fake.state.records.at(-1);

describe('lemmy perform', () => {
  it('resolves and reopens each report type and returns the fresh report', async () => {
    setup = await withFakeLemmy({ reports: 0 });
    for (const [type, path] of [['post', 'post'], ['comment', 'comment'], ['pm', 'private_message']] as const) {
      const raw = setup.fake.addReport({ type, resolved: false });
      const id = Number(raw.remoteId.split(':')[1]);
      const res = await setup.connector.perform({ kind: 'report.resolve', reportId: raw.remoteId, comment: 'done' });
      expect(res.report).toMatchObject({ remoteId: raw.remoteId, resolved: true });
      expect(lastRecord(setup)).toMatchObject({ method: 'PUT', path: `/api/v3/${path}/report/resolve`, body: { report_id: id, resolved: true }, status: 200 });
      await setup.connector.perform({ kind: 'report.reopen', reportId: raw.remoteId });
      expect(setup.fake.state.reports.get(raw.remoteId)!.resolved).toBe(false);
    }
  });

  it('removes posts and comments by their mapped status id', async () => {
    setup = await withFakeLemmy({ reports: 0 });
    const post = await setup.connector.getReport(setup.fake.addReport({ type: 'post' }).remoteId);
    const comment = await setup.connector.getReport(setup.fake.addReport({ type: 'comment' }).remoteId);
    await setup.connector.perform({ kind: 'status.delete', statusId: post.statuses[0].remoteId, reason: 'spam' });
    expect(lastRecord(setup)).toMatchObject({ path: '/api/v3/post/remove', body: { removed: true, reason: 'spam' }, status: 200 });
    await setup.connector.perform({ kind: 'status.delete', statusId: comment.statuses[0].remoteId });
    expect(lastRecord(setup)).toMatchObject({ path: '/api/v3/comment/remove', body: { removed: true }, status: 200 });
    const state = setup.fake.state.summary();
    expect(state.removedPosts).toEqual([Number(post.statuses[0].remoteId.split(':')[1])]);
    expect(state.removedComments).toHaveLength(1);
    const pm = await caught(() => setup!.connector.perform({ kind: 'status.delete', statusId: 'pm:1' }));
    expect((pm as AppError).code).toBe('bad_request');
  });

  it('suspend is a site ban without removing data; unsuspend lifts it', async () => {
    setup = await withFakeLemmy({ reports: 0 });
    await setup.connector.perform({ kind: 'account.action', accountId: '4', type: 'suspend', text: 'spam', notify: false });
    expect(lastRecord(setup)).toMatchObject({ path: '/api/v3/user/ban', body: { person_id: 4, ban: true, reason: 'spam', remove_data: false }, status: 200 });
    expect(setup.fake.state.persons.get(4)!.banned).toBe(true);
    await setup.connector.perform({ kind: 'account.undo', accountId: '4', type: 'unsuspend' });
    expect(lastRecord(setup)).toMatchObject({ body: { person_id: 4, ban: false } });
    expect(setup.fake.state.persons.get(4)!.banned).toBe(false);
    expect(lemmyCapabilities.notes['account.action']).toContain('On Lemmy this is a site ban');
  });

  it('instance block keeps every existing blocked instance', async () => {
    setup = await withFakeLemmy({ reports: 0 });
    setup.fake.state.blockedInstances = ['old.example', 'spam.example'];
    const block = (domain: string): ConnectorAction => ({ kind: 'domain.block', domain, severity: 'suspend', rejectMedia: false, rejectReports: false, obfuscate: false });
    await setup.connector.perform(block('Bad.Example'));
    expect(setup.fake.state.blockedInstances).toEqual(['old.example', 'spam.example', 'bad.example']);
    expect(lastRecord(setup)).toMatchObject({ method: 'PUT', path: '/api/v3/site', body: { blocked_instances: ['old.example', 'spam.example', 'bad.example'] } });
    const writes = setup.fake.state.records.length;
    await setup.connector.perform(block('spam.example')); // already blocked: no write at all
    expect(setup.fake.state.records).toHaveLength(writes);
    expect(((await caught(() => setup!.connector.perform(block('not a domain')))) as AppError).code).toBe('bad_request');
  });

  it('surfaces the remote error code', async () => {
    setup = await withFakeLemmy({ reports: 0 });
    const e = (await caught(() => setup!.connector.perform({ kind: 'account.action', accountId: '999', type: 'suspend', notify: false }))) as AppError;
    expect(e.code).toBe('not_found');
    expect(e.details).toMatchObject({ status: 400, remoteError: 'couldnt_find_person' });
    setup.fake.state.admin().admin = false;
    const e2 = (await caught(() => setup!.connector.perform({ kind: 'status.delete', statusId: 'post:1' }))) as AppError;
    expect(e2.code).toBe('forbidden');
    expect(e2.message).toContain('not_an_admin');
  });

  it('throws unsupported for actions Lemmy does not offer, with the note', async () => {
    setup = await withFakeLemmy({ reports: 0 });
    const unsupported: ConnectorAction[] = [
      { kind: 'report.assign_to_self', reportId: 'post:1' },
      { kind: 'report.unassign', reportId: 'post:1' },
      { kind: 'report.set_category', reportId: 'post:1', category: 'spam' },
      { kind: 'report.forward', reportId: 'post:1' },
      { kind: 'status.sensitive', statusId: 'post:1', sensitive: true },
      { kind: 'media.purge', urls: ['https://x.example/a.png'] },
      { kind: 'account.action', accountId: '4', type: 'silence', notify: false },
      { kind: 'account.undo', accountId: '4', type: 'unsilence' },
      { kind: 'report.reject', reportId: 'post:1' },
      { kind: 'report.note', reportId: 'post:1', text: 'x' },
      { kind: 'status.block', statusId: 'post:1', blocked: true },
      { kind: 'status.visibility', statusId: 'post:1', visibility: 'private' },
      { kind: 'media.delete', mediaId: 'post:1:image' },
    ];
    for (const action of unsupported) {
      const e = (await caught(() => setup!.connector.perform(action))) as AppError;
      expect(e).toBeInstanceOf(AppError);
      expect(e.code).toBe('unsupported');
    }
    expect(setup.fake.state.records).toEqual([]);
    expect(lemmyCapabilities.notes['media.purge']).toMatch(/Purge post/);
    for (const { kind } of unsupported.filter((a) => !a.kind.startsWith('account.'))) {
      expect(lemmyCapabilities.actions).not.toContain(kind);
      expect(lemmyCapabilities.notes[kind], kind).toBeTruthy(); // every missing action says why
    }
  });
});
