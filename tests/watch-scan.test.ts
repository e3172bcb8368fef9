/**
 * Issue 14's promise for watch lists, on the Mastodon fake over real HTTP: a watched hashtag's post (and a watched
 * link domain's) lands in the queue as one watch item with its media fetched and hashed like reported media; the
 * cursor keeps a second scan quiet; a later term joins the same item; a first scan takes only the latest page; a
 * malformed post is a SyncIssue while the rest land; an instance answering 500 keeps its error and others scan on.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFaultProxy } from '@/e2e/fakes/fault-proxy';
import type { FakeMastodon } from '@/e2e/fakes/mastodon/server';
import { db } from '@/lib/db';
import { sealToken } from '@/lib/instances/token-box';
import { ingestMedia } from '@/lib/media/ingest-media';
import { listQueue } from '@/lib/queue/list-queue';
import { saveRule } from '@/lib/holding/save-rule';
import { listWatchTerms } from '@/lib/watch/list-terms';
import { dueWatchScans, runWatchScan } from '@/lib/watch/run-watch-scan';
import { connectedFake, persistActor, userActor } from './support/fixtures';
import { fakePost, watch, watchItem } from './watch-support';

const moderator = userActor('moderator', null, '00000000-0000-4000-8000-0000000015a1');
const closers: (() => Promise<void>)[] = [];
let fake: FakeMastodon;
let instanceId: string;
let ruleId: string;

beforeAll(async () => {
  await persistActor(moderator);
  ({ fake, instanceId } = await connectedFake({ reports: 2, seed: 1501 }));
  // A dry-run watch_hit rule: every watch item it sees is recorded as a hold it would have placed.
  ruleId = (await saveRule({
    ctx: { actor: { type: 'system', label: 'test' } },
    input: { rule: { name: 'Watch hits (dry run)', trigger: 'watch_hit', mode: 'dry_run', enabled: true, minSeverity: 4, labels: [], minScore: 3, level: 'hide', allowSuspend: false, reviewMinutes: 60, instanceIds: [] } },
  })).id;
  closers.push(() => fake.close());
});
afterAll(async () => {
  for (const c of closers) await c();
});

describe('a watched hashtag and link domain on Mastodon', () => {
  let postId: string;

  it('puts the matching post in the queue as one watch item, media pending, and leaves the other post alone', async () => {
    const tag = await watch('hashtag', '#TradeTestSynthetic', [instanceId]);
    const dom = await watch('domain', 'https://offsite-shop.example/x', [instanceId]);
    postId = await fakePost(fake.url, {
      html: '<p>Cheap deals <a href="https://cdn.offsite-shop.example/p/1">here</a> <a class="hashtag" href="#">#<span>TradeTestSynthetic</span></a></p>',
      tags: ['TradeTestSynthetic', 'laterterm'], media: 1,
    });
    const quiet = await fakePost(fake.url, { html: '<p>Nothing to see, just a walk in the park.</p>', media: 1 });

    const started = Date.now();
    const summary = await runWatchScan(instanceId);
    expect(summary.errors).toEqual([]);
    expect(summary.created).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(10_000);

    const item = await watchItem(instanceId, postId);
    expect(item).toMatchObject({ kind: 'watch', status: 'open', category: 'watch', reporterId: null, statusCount: 1, mediaCount: 1 });
    expect(item!.comment).toMatch(/^Watched (hashtag tradetestsynthetic|domain offsite-shop\.example)$/);
    expect(await watchItem(instanceId, quiet)).toBeNull();

    const page = await listQueue({ ctx: { actor: moderator }, input: {} });
    const row = [...page.held, ...page.items].find((r) => r.id === item!.id);
    expect(row).toMatchObject({ kind: 'watch' });
    expect(row!.watch!.map((t) => `${t.kind}:${t.value}`).sort()).toEqual(['domain:offsite-shop.example', 'hashtag:tradetestsynthetic']);
    expect(await db.watchHit.count({ where: { reportId: item!.id } })).toBe(2);
    expect((await db.watchTerm.findUniqueOrThrow({ where: { id: tag.id } })).lastHitAt).not.toBeNull();
    expect((await db.watchTerm.findUniqueOrThrow({ where: { id: dom.id } })).lastHitAt).not.toBeNull();
    expect(await db.auditEvent.count({ where: { action: 'watch.item_created', targetId: item!.id } })).toBe(1);
    const [would] = await db.hold.findMany({ where: { ruleId, reportId: item!.id } });
    expect(would).toMatchObject({ state: 'would_hold', dryRun: true });
    expect((would.signal as { trigger: string; term?: { kind: string } }).trigger).toBe('watch_hit');

    const [link] = await db.reportStatusLink.findMany({ where: { reportId: item!.id }, include: { status: { include: { media: true } } } });
    expect(link.status.remoteId).toBe(postId);
    const [media] = link.status.media;
    expect(media.state).toBe('pending');
    expect(await ingestMedia(media.id, { finalAttempt: false })).toBe('done');
    const hashed = await db.media.findUniqueOrThrow({ where: { id: media.id } });
    expect(hashed.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(hashed.pdqHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('adds nothing on a second scan: the cursors moved past what was read', async () => {
    const before = await db.report.count({ where: { kind: 'watch' } });
    const hits = await db.watchHit.count();
    const summary = await runWatchScan(instanceId);
    expect(summary.created).toEqual([]);
    expect(summary.hits).toBe(0);
    expect(await db.report.count({ where: { kind: 'watch' } })).toBe(before);
    expect(await db.watchHit.count()).toBe(hits);
  });

  it('adds a later matching term to the same item instead of making a second one', async () => {
    await watch('hashtag', 'laterterm', [instanceId]);
    const summary = await runWatchScan(instanceId); // the new term's tag timeline starts at the latest page
    expect(summary.created).toEqual([]);
    const item = await watchItem(instanceId, postId);
    expect((item!.watchTerms as Array<{ value: string; via: string }>).map((t) => t.value).sort()).toEqual(['laterterm', 'offsite-shop.example', 'tradetestsynthetic']);
    expect((item!.watchTerms as Array<{ value: string; via: string }>).find((t) => t.value === 'laterterm')!.via).toBe('tag');
    expect(await db.watchHit.count({ where: { reportId: item!.id } })).toBe(3);
    expect(await db.report.count({ where: { instanceId, remoteId: `watch:${postId}` } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: 'watch.item_created', targetId: item!.id } })).toBe(1);
  });

  it('keeps a malformed post as a SyncIssue while the rest of the page lands', async () => {
    const bad = await fakePost(fake.url, { html: '<p>#TradeTestSynthetic broken</p>', tags: ['TradeTestSynthetic'], malformed: true });
    const good = await fakePost(fake.url, { html: '<p>#TradeTestSynthetic fine</p>', tags: ['TradeTestSynthetic'] });
    const summary = await runWatchScan(instanceId);
    expect(summary.skipped).toBeGreaterThanOrEqual(1);
    expect(await watchItem(instanceId, good)).not.toBeNull();
    expect(await watchItem(instanceId, bad)).toBeNull();
    expect(await db.syncIssue.count({ where: { instanceId, remoteId: bad } })).toBeGreaterThanOrEqual(1);
  });
});

describe('a first scan, and a failing instance', () => {
  it('takes only the latest page of a feed on its first scan', async () => {
    const { fake: busy, instanceId: busyId } = await connectedFake({ reports: 0, seed: 1502, domain: 'busy.test' });
    closers.push(() => busy.close());
    for (let i = 0; i < 60; i++) await fakePost(busy.url, { html: `<p>offer ${i} #FloodTestSynthetic</p>`, tags: ['FloodTestSynthetic'] });
    await watch('hashtag', 'floodtestsynthetic', [busyId]);
    const first = await runWatchScan(busyId);
    expect(first.created.length).toBeGreaterThan(0);
    expect(first.created.length).toBeLessThanOrEqual(40);
    const second = await runWatchScan(busyId);
    expect(second.created).toEqual([]);
    await fakePost(busy.url, { html: '<p>one more #FloodTestSynthetic</p>', tags: ['FloodTestSynthetic'] });
    expect((await runWatchScan(busyId)).created).toHaveLength(1);
  });

  it('records an instance answering 500 on its cursor, and the other instances still scan', async () => {
    const { fake: down } = await connectedFake({ reports: 0, seed: 1503, domain: 'down.test' });
    closers.push(() => down.close());
    const proxy = await startFaultProxy(down.url, [{ path: /^\/api\/v[12]\/(timelines|search)/, status: 500 }]);
    closers.push(() => proxy.close());
    const broken = await db.instance.create({
      data: {
        name: 'Answers 500', kind: 'mastodon', baseUrl: proxy.url, domain: 'down.test', allowPrivate: true, status: 'ok',
        tokenSealed: await sealToken(down.token, proxy.url), webhookSecretSealed: await sealToken('whsecret-test', `${proxy.url}#webhook`),
      },
    });
    const { fake: up, instanceId: upId } = await connectedFake({ reports: 0, seed: 1504, domain: 'up.test' });
    closers.push(() => up.close());
    await watch('keyword', 'synthetic bargain');
    await fakePost(down.url, { html: '<p>a synthetic bargain</p>' });
    const upPost = await fakePost(up.url, { html: '<p>A Synthetic Bargain today</p>' });

    const due = await dueWatchScans(new Date());
    expect(due).toEqual(expect.arrayContaining([broken.id, upId]));
    const results = [];
    for (const id of [broken.id, upId]) results.push(await runWatchScan(id));
    expect(results[0].errors.length).toBeGreaterThan(0);
    expect(results[0].created).toEqual([]);
    expect(await watchItem(upId, upPost)).not.toBeNull();

    const cursor = await db.watchCursor.findUniqueOrThrow({ where: { instanceId_feed: { instanceId: broken.id, feed: 'public' } } });
    expect(cursor.lastError).toBeTruthy();
    expect(cursor.lastScanAt).not.toBeNull();
    const view = (await listWatchTerms({ ctx: { actor: moderator } })).instances.find((i) => i.instanceId === broken.id);
    expect(view).toMatchObject({ recentPosts: true, hashtagLookup: true });
    expect(view!.lastError).toBeTruthy();
    expect(await dueWatchScans(new Date())).not.toContain(broken.id); // scanned just now, error or not
  });
});
