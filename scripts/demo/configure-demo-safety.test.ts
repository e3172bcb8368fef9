/**
 * The demo's holding cell, watch terms, outside matcher and notification hook: made once through the audited verbs,
 * a second run changes nothing, the matcher is opted in for the instances there are, and the watch bait post lands
 * on the Mastodon fake.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { listMatchers } from '@/lib/matchers/list-matchers';
import { testMatcher } from '@/lib/matchers/test-matcher';
import { connectedFake, systemActor } from '@/tests/support/fixtures';
import type { FakeMastodon } from '@/e2e/fakes/mastodon/server';
import { configureDemoMatcher, configureDemoSafety, postDemoWatchBait, startDemoSafetyHosts, type DemoSafetyHosts } from './configure-demo-safety';

let hosts: DemoSafetyHosts;
let alpha: { fake: FakeMastodon; instanceId: string };

beforeAll(async () => {
  hosts = await startDemoSafetyHosts({ hma: 0, chat: 0 });
  alpha = await connectedFake({ reports: 1, seed: 1414 });
});
afterAll(async () => {
  await hosts?.close();
  await alpha?.fake.close();
});

describe('the demo safety wiring', () => {
  it('adds a live and a dry-run rule, two watch terms and a hook once; a second run writes nothing', async () => {
    const first = await configureDemoSafety(hosts);
    expect(first.join('\n')).toMatch(/live rule/);
    const counts = async () => [await db.holdRule.count(), await db.watchTerm.count(), await db.notifyHook.count(), await db.auditEvent.count()];
    const after = await counts();
    expect(after.slice(0, 3)).toEqual([2, 2, 1]);
    expect((await db.holdRule.findMany({ orderBy: { name: 'asc' } })).map((r) => [r.trigger, r.mode])).toEqual([['bank_match', 'live'], ['report_score', 'dry_run']]);
    await configureDemoSafety(hosts);
    expect(await counts()).toEqual(after);
  });

  it('opts the fake HMA in for every instance there is, and it answers', async () => {
    expect(await configureDemoMatcher(hosts)).toContain(hosts.hma.url);
    const [matcher] = await listMatchers({ ctx: { actor: systemActor } });
    expect(matcher).toMatchObject({ kind: 'hma', instanceIds: [alpha.instanceId], enabled: true });
    expect((await testMatcher({ ctx: { actor: systemActor }, input: { id: matcher.id } })).ok).toBe(true);
    await configureDemoMatcher(hosts);
    expect(await db.outsideMatcher.count()).toBe(1);
  });

  it('puts the watch bait on the Mastodon fake', async () => {
    expect(await postDemoWatchBait(alpha.fake.url)).toMatch(/#demotrade/);
  });
});
