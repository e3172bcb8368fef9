import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../errors';
import { lemmyCapabilities } from './capabilities';
import { caught, withFakeLemmy, type LemmySetup } from './test-support';

let setup: LemmySetup | null = null;
afterEach(async () => {
  await setup?.fake.close();
  setup = null;
});

const lastRecord = (s: LemmySetup) => s.fake.state.records.at(-1);
const numId = (typed: string) => Number(typed.split(':')[1]);

describe.each(['v3', 'v4'] as const)('lemmy purges on %s', (api) => {
  const start = () => withFakeLemmy({ reports: 0, apiVersion: api });
  // v3 sends the reason only when given; v4 requires one, so a default is sent.
  const defaultReason = api === 'v4' ? 'Purged from the moderation dashboard' : undefined;

  it('status.purge on a post deletes it, its report and its image for good', async () => {
    setup = await start();
    const raw = setup.fake.addReport({ type: 'post', withImage: true, resolved: false });
    const report = await setup.connector.getReport(raw.remoteId);
    const statusId = report.statuses[0].remoteId;
    await setup.connector.perform({ kind: 'status.purge', statusId, reason: 'CSAM' });
    expect(lastRecord(setup)).toEqual(expect.objectContaining({ method: 'POST', path: `/api/${api}/admin/purge/post`, body: { post_id: numId(statusId), reason: 'CSAM' }, status: 200 }));
    expect(setup.fake.state.posts.has(numId(statusId))).toBe(false);
    expect((await setup.connector.listReports({ resolved: false })).items).toEqual([]);
    expect((await fetch(report.statuses[0].media[0].url)).status).toBe(404);
  });

  it('status.purge on a comment deletes it and its report; the reason is optional', async () => {
    setup = await start();
    const keep = setup.fake.addReport({ type: 'comment', resolved: false });
    const raw = setup.fake.addReport({ type: 'comment', resolved: false });
    const statusId = (await setup.connector.getReport(raw.remoteId)).statuses[0].remoteId;
    await setup.connector.perform({ kind: 'status.purge', statusId });
    expect(lastRecord(setup)).toMatchObject({ path: `/api/${api}/admin/purge/comment`, status: 200 });
    expect(lastRecord(setup)!.body).toEqual({ comment_id: numId(statusId), ...(defaultReason ? { reason: defaultReason } : {}) });
    expect(setup.fake.state.comments.has(numId(statusId))).toBe(false);
    expect((await setup.connector.listReports({ resolved: false })).items.map((r) => r.remoteId)).toEqual([keep.remoteId]);
  });

  it('refuses to purge a private message, and refuses malformed ids, without any request', async () => {
    setup = await start();
    const pm = (await caught(() => setup!.connector.perform({ kind: 'status.purge', statusId: 'pm:1' }))) as AppError;
    expect(pm.code).toBe('unsupported');
    expect(pm.userMessage).toMatch(/cannot purge a private message/);
    for (const statusId of ['post:x', '12', 'post:1:image']) {
      expect(((await caught(() => setup!.connector.perform({ kind: 'status.purge', statusId }))) as AppError).code).toBe('bad_request');
    }
    expect(((await caught(() => setup!.connector.perform({ kind: 'account.delete', accountId: 'bob' }))) as AppError).code).toBe('bad_request');
    expect(setup.fake.state.records).toEqual([]);
  });

  it('account.delete purges the person: banned, profile gone, their posts and comments wiped for good', async () => {
    setup = await start();
    const post = setup.fake.addReport({ type: 'post', targetId: 4, withImage: true, resolved: false });
    const comment = setup.fake.addReport({ type: 'comment', targetId: 4, resolved: false });
    await setup.connector.perform({ kind: 'account.delete', accountId: '4', reason: 'spam bot' });
    expect(lastRecord(setup)).toEqual(expect.objectContaining({ method: 'POST', path: `/api/${api}/admin/purge/person`, body: { person_id: 4, reason: 'spam bot' }, status: 200 }));
    expect(setup.fake.state.persons.get(4)).toMatchObject({ banned: true, deleted: true });
    const after = await setup.connector.getReport(post.remoteId);
    expect(after.target.suspended).toBe(true);
    expect(after.statuses[0].contentHtml).toContain('*Permanently Deleted*');
    expect(after.statuses[0].media).toEqual([]);
    expect((await setup.connector.getReport(comment.remoteId)).statuses[0].contentHtml).toContain('*Permanently Deleted*');
  });

  it('surfaces the remote refusal: unknown item, an admin target, a non-admin account', async () => {
    setup = await start();
    const missing = (await caught(() => setup!.connector.perform({ kind: 'status.purge', statusId: 'post:999' }))) as AppError;
    expect(missing.code).toBe('not_found');
    expect(missing.details).toMatchObject(api === 'v4' ? { status: 404, remoteError: 'not_found' } : { status: 400, remoteError: 'couldnt_find_post' });
    const admin = (await caught(() => setup!.connector.perform({ kind: 'account.delete', accountId: '1' }))) as AppError;
    expect(admin.code).toBe('remote_error');
    expect(admin.userMessage).toBe('The instance returned an error: not_higher_admin');
    setup.fake.state.admin().admin = false;
    const notAdmin = (await caught(() => setup!.connector.perform({ kind: 'account.delete', accountId: '4' }))) as AppError;
    expect(notAdmin.code).toBe('forbidden');
    expect(setup.fake.state.persons.get(4)!.deleted).toBe(false);
  });
});

describe('lemmy purge capabilities', () => {
  it('offers both purges and says plainly that they are permanent', () => {
    expect(lemmyCapabilities.actions).toEqual(expect.arrayContaining(['status.purge', 'account.delete', 'status.delete']));
    expect(lemmyCapabilities.notes['status.purge']).toMatch(/^On Lemmy this is an admin purge: .*deleted for good, including its images in pict-rs/);
    expect(lemmyCapabilities.notes['account.delete']).toMatch(/admin purge.*deleted for good/);
    expect(lemmyCapabilities.notes['status.delete']).toMatch(/reversible/);
    expect(lemmyCapabilities.notes['domain.block']).toMatch(/0\.19 \(API v3\).*1\.0 \(API v4\)/);
    expect(lemmyCapabilities.minVersion).toBe('0.19');
  });
});
