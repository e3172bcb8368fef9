/**
 * Times each scenario `runs` times, interleaved round by round so load drift hits all alike, after a warm-up.
 * Then EXPLAIN ANALYZEs the exact queries Prisma sent: the main (paged Report) query on its own, and all of them summed.
 */
import pg from 'pg';
import type { Actor } from '@/lib/audit/actor';
import { explainAnalyze } from './explain';
import type { PreparedBench } from './prepare';
import { installCapturingClient, mainQueueQuery } from './query-capture';
import { buildScenarios, cursorAtPage } from './scenarios';
import { median, percentile, round2 } from './stats';

export interface ScenarioResult {
  name: string;
  medianMs: number;
  p95Ms: number;
  /** EXPLAIN ANALYZE execution time of the paged Report read (list scenarios only). */
  sqlMedianMs: number | null;
  /** Sum over every query the scenario sends (Prisma loads relations with separate queries; counts too). */
  allSqlMedianMs: number;
  queries: number;
  indexes: string[];
  seqScans: string[];
}
export interface BenchResult { prepared: PreparedBench; runs: number; results: ScenarioResult[] }

const WARMUP = 20;

export async function measure(url: string, prepared: PreparedBench, runs: number): Promise<BenchResult> {
  const capturing = installCapturingClient(url);
  const admin: Actor = { type: 'user', id: prepared.adminId, email: 'bench-admin@example.test', role: 'admin', instanceIds: null, ip: null };
  const limited: Actor = { ...admin, role: 'moderator', instanceIds: prepared.instanceIds.slice(0, 3) };
  const exposed: Actor = { ...admin, id: prepared.exposedId, email: 'bench-exposed@example.test', role: 'moderator' };
  const scenarios = buildScenarios({ admin, limited, exposed, biggestInstanceId: prepared.instanceIds[0], deepCursor: await cursorAtPage(admin, 20), detailIds: prepared.detailIds });

  for (let i = 0; i < WARMUP; i++) for (const s of scenarios) await s.run();
  const times = scenarios.map(() => [] as number[]);
  for (let r = 0; r < runs; r++) {
    for (const [i, s] of scenarios.entries()) {
      const t0 = performance.now();
      await s.run();
      times[i].push(performance.now() - t0);
    }
  }

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const results: ScenarioResult[] = [];
  try {
    for (const [i, s] of scenarios.entries()) {
      const queries = await capturing.capture(s.run);
      const main = s.list ? mainQueueQuery(queries) : null;
      const sql: number[] = [];
      const allSql: number[] = [];
      let plan = { indexes: [] as string[], seqScans: [] as string[] };
      for (let r = 0; r < runs; r++) {
        let total = 0;
        for (const q of queries) {
          const e = await explainAnalyze(client, q);
          total += e.executionMs;
          if (q === main) {
            sql.push(e.executionMs);
            plan = e;
          }
        }
        allSql.push(total);
      }
      results.push({
        name: s.name, medianMs: round2(median(times[i])), p95Ms: round2(percentile(times[i], 95)),
        sqlMedianMs: sql.length ? round2(median(sql)) : null, allSqlMedianMs: round2(median(allSql)), queries: queries.length,
        indexes: plan.indexes, seqScans: plan.seqScans,
      });
    }
  } finally {
    await client.end();
  }
  return { prepared, runs, results };
}

const TARGET_MS = 150;
/** A search for a word found in most of 100,000 comments, across every kind at once. */
const SEARCH_TARGET_MS = 1000;

export function printReport(b: BenchResult): void {
  const pad = (s: string, n: number) => s.padEnd(n);
  const ms = (n: number | null) => (n === null ? '—' : n.toFixed(1)).padStart(8);
  console.log(`\n${b.prepared.size.reports.toLocaleString('en')} reports, ${b.prepared.size.instances} instances, ${b.runs} runs per scenario (ms)`);
  console.log(`${pad('scenario', 34)}${'median'.padStart(8)}${'p95'.padStart(8)}${'main SQL'.padStart(9)}${'all SQL'.padStart(8)}  queries, main query plan`);
  for (const r of b.results) {
    const plan = r.sqlMedianMs === null ? '' : r.seqScans.includes('Report') ? 'SEQ SCAN on Report' : r.indexes.filter((n) => n.startsWith('Report')).join(', ');
    console.log(`${pad(r.name, 34)}${ms(r.medianMs)}${ms(r.p95Ms)} ${ms(r.sqlMedianMs)}${ms(r.allSqlMedianMs)}  ${r.queries}, ${plan}`);
  }
  const main = b.results[0];
  // Search is a page of its own with its own budget; the queue target covers the queue page and the report detail.
  const isSearch = (r: { name: string }) => r.name.startsWith('search');
  const worst = Math.max(...b.results.filter((r) => !isSearch(r)).map((r) => r.medianMs));
  const searchWorst = Math.max(0, ...b.results.filter(isSearch).map((r) => r.medianMs));
  console.log(`\nQueue page (default view): median ${main.medianMs} ms, p95 ${main.p95Ms} ms; main query SQL ${main.sqlMedianMs} ms (all its SQL ${main.allSqlMedianMs} ms). Target: median < ${TARGET_MS} ms.`);
  console.log(JSON.stringify({
    bench: 'queue', reports: b.prepared.size.reports, instances: b.prepared.size.instances, runs: b.runs, seed_s: b.prepared.seedSeconds === null ? null : round2(b.prepared.seedSeconds),
    median_ms: main.medianMs, p95_ms: main.p95Ms, sql_median_ms: main.sqlMedianMs, worst_scenario_median_ms: worst, target_ms: TARGET_MS,
    search_worst_median_ms: searchWorst, search_target_ms: SEARCH_TARGET_MS, ok: worst < TARGET_MS && searchWorst < SEARCH_TARGET_MS,
    scenarios: b.results.map((r) => ({ name: r.name, median_ms: r.medianMs, p95_ms: r.p95Ms, sql_median_ms: r.sqlMedianMs, all_sql_median_ms: r.allSqlMedianMs, queries: r.queries, indexes: r.indexes, seq_scans: r.seqScans })),
  }));
}
