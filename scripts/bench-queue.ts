/**
 * Queue benchmark: seeds 100,000 reports across 20 instances (once; reused while the seed marker matches),
 * then times the queue page's server work (listQueue, getReport) beside the SQL execution time of the main
 * query from EXPLAIN ANALYZE. Usage: npm run bench:queue -- [--runs 200] [--reseed]
 * Uses DATABASE_URL when set (refusing a database that holds non-bench reports), else its own embedded
 * Postgres in .data/bench on port 54349, so it never touches the app's data.
 */
import path from 'node:path';

const arg = (name: string) => process.argv.includes(`--${name}`);
const num = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(v) || v <= 0) throw new Error(`--${name} must be a positive integer`);
  return v;
};

// Before any lib import: lib/env reads these lazily on first use.
process.env.DATA_DIR = path.join(process.cwd(), '.data/bench');
process.env.EMBEDDED_PG_PORT = '54349';
process.env.LOG_LEVEL ??= 'warn';

async function main(): Promise<void> {
  const runs = num('runs', 200);
  const { ensureDatabase } = await import('../lib/db/database-url');
  const { applyMigrations } = await import('../lib/db/migrate');
  const { prepareBenchDatabase } = await import('../lib/queue/bench/prepare');
  const { measure, printReport } = await import('../lib/queue/bench/measure');
  const handle = await ensureDatabase((m) => console.log(m));
  try {
    await applyMigrations(handle.url);
    const prepared = await prepareBenchDatabase(handle.url, { reports: num('reports', 100_000), instances: 20, accountsPerInstance: 2_500 }, arg('reseed'));
    printReport(await measure(handle.url, prepared, runs));
  } finally {
    const { disconnectDb } = await import('../lib/db');
    await disconnectDb();
    await handle.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.stack ?? e.message : String(e));
  process.exit(1);
});
