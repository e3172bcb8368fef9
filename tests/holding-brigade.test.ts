/**
 * Done-when, through the real sync against real Mastodon fakes: 40 reports from accounts made yesterday on one
 * instance do not trigger a hold and are flagged as a brigade (reasons name the accounts' age and the one instance),
 * while 3 reports from year-old accounts on 3 instances against the same person (same acct@domain) reach score 3
 * and a live report_score rule holds them. Account ages come from the fakes' admin API (created_at).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { syncInstance } from '@/lib/sync/sync-instance';
import { updateReportScores } from '@/lib/holding/update-report-scores';
import { handleWebhook } from '@/lib/sync/handle-webhook';
import { signWebhook } from '@/e2e/fakes/mastodon/webhook';
import { addAccount } from '@/e2e/fakes/mastodon/seed';
import type { FakeMastodon } from '@/e2e/fakes/mastodon/server';
import type { BrigadeFlag } from '@/lib/holding/types';
import { upsertAccounts } from '@/lib/sync/upsert-accounts';
import { connectedFake } from './support/fixtures';

const DAY = 86_400_000;
const fakes: FakeMastodon[] = [];
let ruleId: string;

async function fake(domain: string): Promise<{ fake: FakeMastodon; instanceId: string }> {
  const made = await connectedFake({ reports: 0, domain, title: domain, seed: domain.length });
  fakes.push(made.fake);
  return made;
}

beforeAll(async () => {
  // A live rule at the usual threshold: if weighting let a brigade through, it would hold.
  ruleId = (await db.holdRule.create({
    data: { name: 'Reports cross 3', trigger: 'report_score', mode: 'live', enabled: true, minScore: 3, level: 'sensitive', reviewMinutes: 60 },
  })).id;
  // A low threshold the brigade's capped score (1.5) does cross: only the flag keeps it from firing.
  await db.holdRule.create({ data: { name: 'Reports cross 1', trigger: 'report_score', mode: 'dry_run', minScore: 1, level: 'sensitive' } });
});
afterAll(async () => { await Promise.all(fakes.map((f) => f.close())); });

describe('40 reports from fresh accounts on one instance', () => {
  let instanceId: string;

  beforeAll(async () => {
    const made = await fake('pile.test');
    instanceId = made.instanceId;
    const victim = addAccount(made.fake.state, 'victim', 'elsewhere.test');
    const yesterday = Date.now() - DAY;
    for (let i = 0; i < 40; i++) {
      const reporter = addAccount(made.fake.state, `fresh${i}`, null, null, new Date(yesterday + i * 60_000).toISOString());
      made.fake.addReport({ reporterAccountId: reporter.id, targetAccountId: victim.id, statusCount: 1, mediaTypes: [], category: 'spam' });
    }
    await syncInstance(instanceId);
  }, 120_000);

  it("stores the reporters' account ages from the payload", async () => {
    const reporters = await db.account.findMany({ where: { instanceId, username: { startsWith: 'fresh' } }, select: { remoteCreatedAt: true } });
    expect(reporters).toHaveLength(40);
    for (const r of reporters) expect(Date.now() - r.remoteCreatedAt!.getTime()).toBeLessThan(2 * DAY);
  });

  it('keeps a stored age when a later payload does not say it, or says garbage (contract I1)', async () => {
    const row = await db.account.findFirstOrThrow({ where: { instanceId, username: 'fresh0' } });
    const base = { remoteId: row.remoteId, username: 'fresh0', acct: 'fresh0', displayName: '', url: null, avatarUrl: null, domain: null };
    await db.$transaction((tx) => upsertAccounts(tx, instanceId, [{ ...base }]));
    await db.$transaction((tx) => upsertAccounts(tx, instanceId, [{ ...base, createdAt: 'not a date' }, { ...base, remoteId: 'new-one', createdAt: '+275760-09-13T00:00:00.000Z' }]));
    expect((await db.account.findUniqueOrThrow({ where: { id: row.id } })).remoteCreatedAt).toEqual(row.remoteCreatedAt);
    expect((await db.account.findFirstOrThrow({ where: { instanceId, remoteId: 'new-one' } })).remoteCreatedAt).toBeNull();
  });

  it('flags every report as a brigade, scores it below 3, and places no hold', async () => {
    const reports = await db.report.findMany({ where: { instanceId }, select: { id: true, reportScore: true, brigade: true } });
    expect(reports).toHaveLength(40);
    for (const r of reports) {
      expect(r.reportScore).not.toBeNull();
      expect(r.reportScore!).toBeLessThan(3);
      const flag = r.brigade as unknown as BrigadeFlag;
      expect(flag.reports).toBe(40);
      expect(flag.reasons.join(' ')).toMatch(/accounts were made within 3 days of each other; 40 of them are less than 7 days old/);
      expect(flag.reasons.join(' ')).toMatch(/from one instance \(pile\.test\)/);
    }
    expect(await db.hold.count({ where: { reportId: { in: reports.map((r) => r.id) } } })).toBe(0);
  });

  it('audits the flag once, and a re-score or a re-sync neither re-audits nor moves flaggedAt', async () => {
    const before = await db.report.findFirstOrThrow({ where: { instanceId }, select: { brigade: true } });
    const target = await db.account.findFirstOrThrow({ where: { instanceId, username: 'victim' } });
    await updateReportScores([target.id], new Date(Date.now() + 60_000));
    await syncInstance(instanceId);
    expect(await db.auditEvent.count({ where: { action: 'report.brigade_flagged', targetId: 'victim@elsewhere.test' } })).toBe(1);
    const after = await db.report.findFirstOrThrow({ where: { instanceId }, select: { brigade: true } });
    expect((after.brigade as unknown as BrigadeFlag).flaggedAt).toBe((before.brigade as unknown as BrigadeFlag).flaggedAt);
    expect(await db.hold.count({ where: { ruleId } })).toBe(0);
  });
});

it("the Mastodon fake's control route makes an account with a given created_at", async () => {
  const made = await fake('control.test');
  const res = await fetch(`${made.fake.url}/__fake/accounts`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'made_today', createdAt: '2026-12-01T08:00:00.000Z' }),
  });
  expect(res.status).toBe(200);
  expect(await res.json()).toMatchObject({ username: 'made_today', created_at: '2026-12-01T08:00:00.000Z' });
  const bad = await fetch(`${made.fake.url}/__fake/accounts`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'x', createdAt: 'soon' }) });
  expect(bad.status).toBe(400);
});

describe('3 reports from established accounts on 3 instances', () => {
  const ids: string[] = [];
  const made: Array<{ fake: FakeMastodon; instanceId: string }> = [];

  beforeAll(async () => {
    const yearAgo = new Date(Date.now() - 365 * DAY).toISOString();
    for (const domain of ['one.test', 'two.test', 'three.test']) {
      const one = await fake(domain);
      made.push(one);
      ids.push(one.instanceId);
      // The same remote person on each server: acct spammer@bad.example.
      const target = addAccount(one.fake.state, 'Spammer', 'bad.example');
      const reporter = addAccount(one.fake.state, 'oldtimer', null, null, yearAgo);
      one.fake.addReport({ reporterAccountId: reporter.id, targetAccountId: target.id, statusCount: 1, mediaTypes: [], category: 'spam' });
    }
    for (const id of ids) await syncInstance(id);
  }, 120_000);

  it('scores 3 on every copy, not flagged', async () => {
    const reports = await db.report.findMany({ where: { instanceId: { in: ids } }, select: { reportScore: true, brigade: true } });
    expect(reports).toHaveLength(3);
    for (const r of reports) {
      expect(r.reportScore).toBe(3);
      expect(r.brigade).toBeNull();
    }
  });

  it('fires the live report_score rule: a hold exists, its signal carries the score and counts', async () => {
    const holds = await db.hold.findMany({ where: { ruleId, instanceId: { in: ids } }, select: { signal: true, dryRun: true } });
    expect(holds.length).toBeGreaterThanOrEqual(1);
    expect(holds[0].dryRun).toBe(false);
    expect(holds[0].signal).toMatchObject({ trigger: 'report_score', score: 3, reporters: 3, instances: 3 });
  });

  it('a webhook report re-weighs the whole group; a second reporter on one server is capped at 1.5 for that server', async () => {
    const { fake: one, instanceId } = made[0];
    const target = [...one.state.accounts.values()].find((a) => a.username === 'Spammer')!;
    const neighbour = addAccount(one.state, 'neighbour', null, null, new Date(Date.now() - 400 * DAY).toISOString());
    const created = one.addReport({ reporterAccountId: neighbour.id, targetAccountId: target.id, statusCount: 0, category: 'spam' });
    const body = Buffer.from(JSON.stringify({ event: 'report.created', created_at: new Date().toISOString(), object: created }));
    await handleWebhook({ instanceId, rawBody: body, headers: new Headers({ 'x-hub-signature': signWebhook('whsecret-test', body) }) });
    const scores = await db.report.findMany({ where: { instanceId: { in: ids } }, select: { reportScore: true } });
    expect(scores.map((r) => r.reportScore)).toEqual([3.5, 3.5, 3.5, 3.5]);
  });

  it("a reporter whose earlier report led nowhere counts less (closed, no action, target unsanctioned)", async () => {
    const instanceId = ids[1];
    const reporter = await db.account.findFirstOrThrow({ where: { instanceId, username: 'oldtimer' } });
    const innocent = await db.account.create({ data: { instanceId, remoteId: 'innocent-1', username: 'innocent', acct: 'innocent' } });
    await db.report.create({
      data: {
        instanceId, remoteId: 'old-wrong-1', status: 'resolved', category: 'other', reporterId: reporter.id, targetId: innocent.id,
        remoteCreatedAt: new Date(Date.now() - 100 * DAY), resolvedAt: new Date(Date.now() - 99 * DAY), contentHash: 'x',
      },
    });
    const spammer = await db.account.findFirstOrThrow({ where: { instanceId, username: 'Spammer' } });
    await updateReportScores([spammer.id]);
    // one.test 1.5 (capped) + two.test 1 x (1 - 0.8 x 1/2) = 0.6 + three.test 1.
    const scores = await db.report.findMany({ where: { instanceId: { in: ids }, status: 'open' }, select: { reportScore: true } });
    expect(scores.map((r) => r.reportScore)).toEqual([3.1, 3.1, 3.1, 3.1]);
  });
});
