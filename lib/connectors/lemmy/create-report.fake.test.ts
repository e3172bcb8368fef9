/** report.create against the fake Lemmy (0.19 and 1.0) over real HTTP: the report lands and listReports returns it. */
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../errors';
import type { ConnectorAction } from '../types';
import type { LemmyApi } from './api-version';
import { caught, withFakeLemmy, type LemmySetup } from './test-support';

let setup: LemmySetup | null = null;
afterEach(async () => {
  await setup?.fake.close();
  setup = null;
});

const create = (statusIds: string[], comment = 'Case 3 (fedimod): please review.'): ConnectorAction => ({
  kind: 'report.create', accountId: '4', statusIds, comment, forward: false,
});
const reportCalls = (s: LemmySetup) => s.fake.state.records.filter((r) => /\/(post|comment)\/report$/.test(r.path));

describe.each<LemmyApi>(['v3', 'v4'])('Lemmy %s report.create against the fake', (api) => {
  it('reports a post and a comment; listReports returns both with the admin as reporter', async () => {
    setup = await withFakeLemmy({ reports: 0, apiVersion: api });
    const { fake, connector } = setup;
    const seededPost = fake.state.reports.get(fake.addReport({ type: 'post', resolved: true }).remoteId)!;
    const seededComment = fake.state.reports.get(fake.addReport({ type: 'comment', resolved: true }).remoteId)!;
    const onPost = await connector.perform(create([`post:${seededPost.objectId}`]));
    const onComment = await connector.perform(create([`comment:${seededComment.objectId}`], 'Comment copy.'));
    expect(onPost).toEqual({ ok: true, remoteRef: expect.stringMatching(/^post:\d+$/) });
    expect(onComment).toEqual({ ok: true, remoteRef: expect.stringMatching(/^comment:\d+$/) });
    const body = api === 'v4' ? { violates_instance_rules: true } : {};
    expect(reportCalls(setup).map((r) => [r.path, r.body, r.status])).toEqual([
      [`/api/${api}/post/report`, { post_id: seededPost.objectId, reason: 'Case 3 (fedimod): please review.', ...body }, 200],
      [`/api/${api}/comment/report`, { comment_id: seededComment.objectId, reason: 'Comment copy.', ...body }, 200],
    ]);
    const page = await connector.listReports({ resolved: false });
    const byId = new Map(page.items.map((r) => [r.remoteId, r]));
    expect(byId.get(onPost.remoteRef!)).toMatchObject({ comment: 'Case 3 (fedimod): please review.', forwarded: false, reporter: { remoteId: String(fake.state.adminId) } });
    expect(byId.get(onComment.remoteRef!)).toMatchObject({ comment: 'Comment copy.', reporter: { remoteId: String(fake.state.adminId) } });
  });

  it('refuses without a post, with several, or with an empty or too long reason, before calling', async () => {
    setup = await withFakeLemmy({ reports: 0, apiVersion: api });
    for (const action of [create([]), create(['post:1', 'post:2']), create(['pm:1']), create(['post:1'], '  '), create(['post:1'], 'x'.repeat(1001))]) {
      expect(((await caught(() => setup!.connector.perform(action))) as AppError).code).toBe('bad_request');
    }
    expect(reportCalls(setup)).toEqual([]);
  });

  it('passes the server\'s refusal of a removed post on, and reports nothing', async () => {
    setup = await withFakeLemmy({ reports: 0, apiVersion: api });
    const post = setup.fake.state.posts.get(setup.fake.state.reports.get(setup.fake.addReport({ type: 'post', resolved: true }).remoteId)!.objectId)!;
    post.removed = true;
    const err = await caught(() => setup!.connector.perform(create([`post:${post.id}`])));
    expect(err).toBeInstanceOf(AppError);
    expect(reportCalls(setup).map((r) => r.status)).toEqual([400]);
    const missing = await caught(() => setup!.connector.perform(create(['post:9999'])));
    expect(missing).toBeInstanceOf(AppError);
    expect([...setup.fake.state.reports.values()].filter((r) => !r.resolved)).toEqual([]);
  });
});
