/**
 * Report weighting benchmark (issue 14). Pure: scoreReports on 1,000 groups of 40 reports (half a fresh-account
 * pile-on from one server, half organic reports spread over servers and ages). Database: a fresh `bench_holding`
 * (dropped and re-created each run) on DATABASE_URL's server or an embedded Postgres in .data/bench-holding (port
 * 54357), seeded with 5 instances, 200 targets each reported 40 times across them, and 4,000 closed earlier reports
 * by the same reporters (history); then updateReportScores for all 200 targets at once (as one sync page's targets),
 * again with nothing changed, and once per target (as webhooks arrive). No hold rules, so no group is handed to evaluateHolds.
 * Usage: npm run bench:holding -- [--groups 1000] [--reports 40] [--targets 200]
 * The last line is JSON: {"groups","pure_ms","pure_per_group_us","targets","batch_ms","unchanged_ms","per_target_median_ms","flagged"}.
 */
import path from 'node:path';
import { freshDatabase, intFlag as num, median, round2 } from './bench-support';
import { setProcessEnv } from '../lib/env';
import type { Prisma } from '../lib/generated/prisma/client';

setProcessEnv({ DATA_DIR: path.join(process.cwd(), '.data/bench-holding'), EMBEDDED_PG_PORT: '54357', LOG_LEVEL: process.env.LOG_LEVEL ?? 'error' });

const BENCH_DB = 'bench_holding';
const DAY = 86_400_000;
const INSTANCES = 5;

async function benchPure(groups: number, perGroup: number): Promise<{ ms: number; flagged: number }> {
  const { scoreReports } = await import('../lib/holding/score-reports');
  type Input = Parameters<typeof scoreReports>[0];
  const now = Date.now();
  const inputs: Input[] = Array.from({ length: groups }, (_, g) => Array.from({ length: perGroup }, (_, i) => {
    const pile = g % 2 === 0;
    const domain = pile ? 'pile.test' : `s${i % 7}.test`;
    return {
      reportId: `${g}-${i}`, instanceId: pile ? 'i0' : `i${i % 3}`, instanceDomain: pile ? 'pile.test' : `s${i % 3}.test`,
      // Dates as the database loader hands them over (Date objects, not text).
      reporter: { key: `u${i}@${domain}`, domain, createdAt: new Date(now - (pile ? DAY + i * 60_000 : (40 + i * 37) * DAY)) },
      createdAt: new Date(now - (pile ? i * 30_000 : i * 3 * 3_600_000)),
    };
  }));
  const history = new Map([['u1@s1.test', { closed: 4, wrong: 3 }]]);
  for (const input of inputs.slice(0, 50)) scoreReports(input, history, now); // warm-up: the figure is steady-state
  const t = performance.now();
  let flagged = 0;
  for (const input of inputs) if (scoreReports(input, history, now).brigade) flagged++;
  return { ms: performance.now() - t, flagged };
}

async function seed(targets: number, perTarget: number): Promise<string[]> {
  const { db } = await import('../lib/db');
  const now = Date.now();
  const instances = await Promise.all(Array.from({ length: INSTANCES }, (_, i) => db.instance.create({
    data: { name: `bench ${i}`, kind: 'mastodon', baseUrl: `https://bench-${i}.test`, domain: `bench-${i}.test`, tokenSealed: 'x', webhookSecretSealed: 'x', status: 'ok' },
  })));
  // Reporters: perTarget per instance, local to it, aged from a day to two years.
  const reporters: string[][] = [];
  for (const [n, inst] of instances.entries()) {
    const rows = Array.from({ length: perTarget }, (_, i) => ({
      id: crypto.randomUUID(), instanceId: inst.id, remoteId: `rep-${i}`, username: `rep${i}`, acct: `rep${i}`,
      remoteCreatedAt: new Date(now - (1 + ((i * 17 + n * 5) % 730)) * DAY),
    }));
    await db.account.createMany({ data: rows });
    reporters.push(rows.map((r) => r.id));
  }
  const targetIds: string[] = [];
  const reports: Prisma.ReportCreateManyInput[] = [];
  for (let t = 0; t < targets; t++) {
    // The same remote person on every instance: target t is `t<t>@far.example` everywhere.
    const rows = instances.map((inst) => ({ id: crypto.randomUUID(), instanceId: inst.id, remoteId: `t-${t}`, username: `t${t}`, acct: `t${t}@far.example`, domain: 'far.example' }));
    await db.account.createMany({ data: rows });
    targetIds.push(...rows.map((r) => r.id));
    for (let i = 0; i < perTarget; i++) {
      // Every tenth target is piled on from one server within the hour: a likely brigade (audited on flagging).
      const n = t % 10 === 0 ? 0 : (t + i) % INSTANCES;
      reports.push({
        instanceId: instances[n].id, remoteId: `r-${t}-${i}`, status: 'open', category: 'spam', reporterId: reporters[n][i], targetId: rows[n].id,
        remoteCreatedAt: new Date(now - (t % 2 === 0 ? i * 60_000 : i * 2 * 3_600_000)), contentHash: 'bench',
      });
    }
  }
  // History: earlier closed reports by the same reporters against target 0.
  for (let i = 0; i < targets * 20; i++) {
    const n = i % INSTANCES;
    reports.push({
      instanceId: instances[n].id, remoteId: `old-${i}`, status: 'resolved', category: 'spam', reporterId: reporters[n][i % perTarget],
      targetId: targetIds[n], remoteCreatedAt: new Date(now - 200 * DAY), resolvedAt: new Date(now - 199 * DAY), contentHash: 'bench',
    });
  }
  for (let i = 0; i < reports.length; i += 2000) {
    await db.report.createMany({ data: reports.slice(i, i + 2000) });
  }
  return targetIds.filter((_, i) => i % INSTANCES === 0);
}

async function main(): Promise<void> {
  const groups = num('groups', 1000);
  const perGroup = num('reports', 40);
  const targets = num('targets', 200);
  const pure = await benchPure(groups, perGroup);
  console.log(`pure: ${groups} groups x ${perGroup} reports in ${pure.ms.toFixed(1)} ms (${((pure.ms * 1000) / groups).toFixed(1)} µs a group), ${pure.flagged} flagged`);

  const { ensureDatabase } = await import('../lib/db/database-url');
  const handle = await ensureDatabase((m) => console.log(m));
  let summary: string | null = null;
  try {
    setProcessEnv({ DATABASE_URL: await freshDatabase(handle.url, BENCH_DB) });
    const { applyMigrations } = await import('../lib/db/migrate');
    await applyMigrations(process.env.DATABASE_URL ?? '');
    const { db } = await import('../lib/db');
    const targetIds = await seed(targets, perGroup);
    await db.$executeRawUnsafe('ANALYZE'); // as autovacuum would have by now: the planner sees the real table sizes
    console.log(`seeded: ${INSTANCES} instances, ${targets} targets x ${perGroup} open reports, ${targets * 20} closed earlier reports`);
    const { updateReportScores } = await import('../lib/holding/update-report-scores');
    let t = performance.now();
    const first = await updateReportScores(targetIds);
    const batchMs = performance.now() - t;
    t = performance.now();
    const again = await updateReportScores(targetIds);
    const unchangedMs = performance.now() - t;
    // Where an unchanged run spends its time: the two loading statements.
    const { loadReporterHistory, loadScoreGroups } = await import('../lib/holding/load-score-groups');
    t = performance.now();
    const loaded = await loadScoreGroups(targetIds);
    const groupsMs = performance.now() - t;
    t = performance.now();
    await loadReporterHistory([...new Set(loaded.flatMap((g) => g.rows.flatMap((r) => (r.reporterId ? [r.reporterId] : []))))]);
    const historyMs = performance.now() - t;
    console.log(`loading: open reports of ${loaded.length} people ${groupsMs.toFixed(0)} ms, reporter history ${historyMs.toFixed(0)} ms`);
    // One at a time, as webhooks arrive: a report's score changes, so clear it first to make each call write.
    await db.report.updateMany({ data: { reportScore: null } });
    const each: number[] = [];
    for (const id of targetIds) {
      t = performance.now();
      await updateReportScores([id]);
      each.push(performance.now() - t);
    }
    console.log(`batch: ${targets} targets scored in ${batchMs.toFixed(0)} ms (${first.written} groups written, ${first.flagged} flagged); unchanged re-run ${unchangedMs.toFixed(0)} ms (${again.written} written)`);
    console.log(`one target at a time: median ${median(each).toFixed(1)} ms, max ${Math.max(...each).toFixed(1)} ms`);
    console.log('note: figures are wall-clock on a shared machine; other processes load the CPU.');
    summary = JSON.stringify({
      groups, pure_ms: round2(pure.ms), pure_per_group_us: round2((pure.ms * 1000) / groups), targets,
      batch_ms: round2(batchMs), unchanged_ms: round2(unchangedMs), per_target_median_ms: round2(median(each)), flagged: first.flagged,
    });
  } finally {
    const { disconnectDb } = await import('../lib/db');
    await disconnectDb();
    await handle.stop();
  }
  if (summary) console.log(summary);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.stack ?? e.message : String(e));
  process.exit(1);
});
