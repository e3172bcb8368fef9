/**
 * Purge benchmark (issue 10). A fresh database `bench_purge` (dropped and re-created each run) on DATABASE_URL's
 * server or on an embedded Postgres in .data/bench-purge (port 54353), then N fake instances in this process
 * (every 10: 6 Mastodon, one GoToSocial, Misskey, Lemmy, Akkoma), each answering after about 40 ms like a server
 * across the internet and each holding one federated copy of the known-bad post; one case with N copies (opened
 * on the first, the rest found by the real lookups). Timed: from startPurge (evidence sealed first, then the run)
 * through runPurge (the job's handler, in-process) until the last receipt is written. Per instance: how long its
 * steps took (first action queued to last finished) and its receipt round (claimed to written).
 * Usage: npm run bench:purge -- [--instances 50] [--latency 40]
 * The last line is JSON: {"instances","last_receipt_s","seal_s","steps_median_s","check_median_s","removed"}.
 */
import path from 'node:path';
import { freshDatabase, intFlag as num, median, pool, round2 } from './bench-support';
import { setProcessEnv } from '../lib/env';

// Before any lib import that reads the environment.
setProcessEnv({ DATA_DIR: path.join(process.cwd(), '.data/bench-purge'), EMBEDDED_PG_PORT: '54353', LOG_LEVEL: process.env.LOG_LEVEL ?? 'error' });

const BENCH_DB = 'bench_purge';

interface Fake { url: string; token: string; close(): Promise<void> }

async function startFakes(n: number, latency: number): Promise<{ kind: string; fake: Fake }[]> {
  const { startFakeMastodon } = await import('../e2e/fakes/mastodon/server');
  const { startFakeGoToSocial } = await import('../e2e/fakes/gotosocial/server');
  const { startFakeMisskey } = await import('../e2e/fakes/misskey/server');
  const { startFakeLemmy } = await import('../e2e/fakes/lemmy/server');
  const { startFakeAkkoma } = await import('../e2e/fakes/akkoma/server');
  type O = { reports: number; seed: number; domain: string; latencyMs: number; knownBad: { reported: boolean } };
  const mix: [string, (o: O) => Promise<Fake>][] = [
    ['mastodon', (o) => startFakeMastodon(o)], ['mastodon', (o) => startFakeMastodon(o)], ['gotosocial', (o) => startFakeGoToSocial(o)],
    ['mastodon', (o) => startFakeMastodon(o)], ['misskey', ({ domain: _d, ...o }) => startFakeMisskey(o)], ['mastodon', (o) => startFakeMastodon(o)],
    ['lemmy', (o) => startFakeLemmy(o)], ['mastodon', (o) => startFakeMastodon(o)], ['akkoma', (o) => startFakeAkkoma(o)], ['mastodon', (o) => startFakeMastodon(o)],
  ];
  return Promise.all(Array.from({ length: n }, async (_, i) => {
    const [kind, start] = mix[i % mix.length];
    // About `latency` ms each, ±25 %, as servers at different distances answer.
    const latencyMs = Math.round(latency * (0.75 + Math.random() * 0.5));
    return { kind, fake: await start({ reports: 1, seed: 2000 + i, domain: `purge-${i}.test`, latencyMs, knownBad: { reported: i === 0 } }) };
  }));
}

async function main(): Promise<void> {
  const instances = num('instances', 50);
  const latency = num('latency', 40);
  const { ensureDatabase } = await import('../lib/db/database-url');
  const handle = await ensureDatabase((m) => console.log(m));
  const fakes: Fake[] = [];
  let summary: string | null = null;
  try {
    setProcessEnv({ DATABASE_URL: await freshDatabase(handle.url, BENCH_DB) });
    const { applyMigrations } = await import('../lib/db/migrate');
    await applyMigrations(process.env.DATABASE_URL ?? '');
    const { db } = await import('../lib/db');
    const { getBoss, stopBoss } = await import('../lib/jobs/boss');
    await getBoss(); // the job schema exists before timing, as in a running app
    const { addInstance } = await import('../lib/instances/add-instance');
    const system = { actor: { type: 'system' as const, label: 'bench' } };

    const started = await startFakes(instances, latency);
    fakes.push(...started.map((s) => s.fake));
    const ids: string[] = new Array(started.length);
    await pool(started.map((s, i) => ({ s, i })), 10, async ({ s, i }) => {
      ids[i] = (await addInstance({ ctx: system, input: { kind: 'auto', baseUrl: s.fake.url, token: s.fake.token, allowPrivate: true, name: `bench ${i} (${s.kind})` } })).id;
    });
    const kinds = Object.entries(started.reduce<Record<string, number>>((a, s) => ({ ...a, [s.kind]: (a[s.kind] ?? 0) + 1 }), {})).map(([k, n]) => `${n} ${k}`).join(', ');
    console.log(`instances: ${started.length} (${kinds}), each holding one copy, latency about ${latency} ms each`);

    // The case: opened on the reported copy (its file hashed as ingest does), the other copies found by lookups.
    const { syncInstance } = await import('../lib/sync/sync-instance');
    const { ingestMedia } = await import('../lib/media/ingest-media');
    await syncInstance(ids[0]);
    for (const m of await db.media.findMany({ where: { instanceId: ids[0], state: 'pending' }, select: { id: true } })) await ingestMedia(m.id, { finalAttempt: true });
    const { KNOWN_BAD } = await import('../e2e/fakes/federation/known-bad');
    const report = await db.report.findFirstOrThrow({ where: { instanceId: ids[0], comment: KNOWN_BAD.reportComment } });
    const { openCase } = await import('../lib/cases/open-case');
    const { requestCopySearch } = await import('../lib/cases/request-copy-search');
    const { runCopySearch } = await import('../lib/cases/run-copy-search');
    const { caseId } = await openCase({ ctx: system, input: { reportId: report.id } });
    await requestCopySearch({ ctx: system, input: { caseId } });
    await runCopySearch(caseId, { concurrency: 16 });
    const copies = await db.caseCopy.count({ where: { caseId } });
    console.log(`case: ${copies} copies on ${new Set((await db.caseCopy.findMany({ where: { caseId }, select: { instanceId: true } })).map((c) => c.instanceId)).size} instances`);
    // The lookups' per-instance limit (2 a second) would make the receipts' lookups wait: not what is measured.
    await new Promise((r) => setTimeout(r, 1100));

    // The purge, timed.
    const { startPurge } = await import('../lib/purge/start-purge');
    const { runPurge } = await import('../lib/purge/run-purge');
    const t0 = Date.now();
    const { runId } = await startPurge({ ctx: system, input: { caseId, choices: [] } });
    const sealS = (Date.now() - t0) / 1000;
    let outcome = '';
    for (let i = 0; i < 20 && outcome !== 'done'; i++) outcome = await runPurge(runId);
    const wall = (Date.now() - t0) / 1000;
    const receipts = await db.purgeReceipt.findMany({ where: { runId }, select: { instanceId: true, verdict: true, checkedAt: true } });
    const last = Math.max(...receipts.map((r) => r.checkedAt.getTime()));
    const lastReceiptS = (last - t0) / 1000;
    const byVerdict = receipts.reduce<Record<string, number>>((a, r) => ({ ...a, [r.verdict]: (a[r.verdict] ?? 0) + 1 }), {});

    // Per instance: steps (first action created → last finished) and the receipt round (claimed → written).
    const actions = await db.action.findMany({ where: { caseId }, select: { instanceId: true, createdAt: true, finishedAt: true } });
    const stepS = ids.map((id) => {
      const mine = actions.filter((a) => a.instanceId === id);
      if (mine.length === 0) return null;
      const end = Math.max(...mine.map((a) => (a.finishedAt ?? a.createdAt).getTime()));
      return (end - Math.min(...mine.map((a) => a.createdAt.getTime()))) / 1000;
    }).filter((x): x is number => x !== null);
    const checks = await db.purgeCheck.findMany({ where: { runId, round: 1 }, select: { startedAt: true, finishedAt: true } });
    const checkS = checks.filter((c) => c.startedAt && c.finishedAt).map((c) => ((c.finishedAt?.getTime() ?? 0) - (c.startedAt?.getTime() ?? 0)) / 1000);
    console.log(`purge: run ${outcome} after ${wall.toFixed(2)} s; evidence sealed in ${sealS.toFixed(2)} s; ${receipts.length} receipts (${Object.entries(byVerdict).map(([v, n]) => `${n} ${v}`).join(', ')})`);
    console.log(`time to the last receipt: ${lastReceiptS.toFixed(2)} s`);
    console.log(`per instance (median): steps ${median(stepS).toFixed(2)} s (${actions.length} actions on ${stepS.length} instances), receipt check ${median(checkS).toFixed(2)} s`);
    if ((byVerdict.removed ?? 0) < copies) console.log('warning: not every copy has a removed receipt');
    console.log('note: figures are wall-clock on a shared machine; other processes load the CPU.');
    await stopBoss();
    summary = JSON.stringify({
      instances: started.length, last_receipt_s: round2(lastReceiptS), seal_s: round2(sealS),
      steps_median_s: round2(median(stepS)), check_median_s: round2(median(checkS)), removed: byVerdict.removed ?? 0,
    });
  } finally {
    await Promise.all(fakes.map((f) => f.close().catch(() => {})));
    const { dropAllConnectors } = await import('../lib/instances/connector-cache');
    await dropAllConnectors();
    const { disconnectDb } = await import('../lib/db');
    await disconnectDb();
    await handle.stop();
  }
  // Last, after the teardown's own messages: the line scripts read.
  if (summary) console.log(summary);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.stack ?? e.message : String(e));
  process.exit(1);
});
