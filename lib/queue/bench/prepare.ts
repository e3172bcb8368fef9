/**
 * Seeds the bench database once and remembers it with a marker row, so repeated runs measure immediately.
 * A database with reports but no marker is someone's real data: refused, never truncated.
 */
import pg from 'pg';
import { rng } from './bulk-insert';
import { seedBenchData, type SeedSize } from './seed-bench-data';
import { seedExposure } from './seed-exposure';

const MARKER = 'bench.queue.seed';
const VERSION = 3; // 2: tags and escalations (issue 12); 3: severe matches and exposure records (issue 15)

export interface PreparedBench { instanceIds: string[]; adminId: string; exposedId: string; detailIds: string[]; seedSeconds: number | null; size: SeedSize }

export async function prepareBenchDatabase(url: string, size: SeedSize, reseed: boolean): Promise<PreparedBench> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const marker = (await client.query<{ value: unknown }>('select value from "Setting" where key = $1', [MARKER])).rows[0]?.value;
    const wanted = { version: VERSION, ...size };
    let seedSeconds: number | null = null;
    if (reseed || !sameMarker(marker, wanted)) {
      const existing = Number((await client.query('select count(*)::int as n from "Report"')).rows[0].n);
      if (existing > 0 && !marker) throw new Error('This database holds reports that the bench did not create; refusing to replace them. Unset DATABASE_URL to use the bench database.');
      const t0 = performance.now();
      console.log(`Seeding ${size.reports.toLocaleString('en')} reports across ${size.instances} instances…`);
      // DELETE, not TRUNCATE: the append-only tables (audit, purge receipts) refuse TRUNCATE even when empty, and
      // the bench never writes them, so their row triggers never fire here.
      if (existing > 0) {
        await client.query('delete from "Instance"');
        await client.query('delete from "User"');
      }
      await client.query('delete from "Setting" where key = $1', [MARKER]);
      await seedBenchData(client, size);
      await seedExposure(client, rng(20_261_207));
      await client.query(`insert into "Setting" (key, value, "updatedAt") values ($1, $2, now())`, [MARKER, JSON.stringify(wanted)]);
      // VACUUM sets the visibility map (index-only scans for the counts); ANALYZE gives the planner real statistics.
      await client.query('vacuum analyze');
      seedSeconds = (performance.now() - t0) / 1000;
      console.log(`Seeded in ${seedSeconds.toFixed(1)} s.`);
    }
    const instanceIds = (await client.query<{ id: string }>('select i.id from "Instance" i left join "Report" r on r."instanceId" = i.id and r.status = \'open\' group by i.id order by count(r.id) desc')).rows.map((r) => r.id);
    const adminId = (await client.query<{ id: string }>(`select id from "User" where email = 'bench-admin@example.test'`)).rows[0].id;
    const exposedId = (await client.query<{ id: string }>(`select id from "User" where email = 'bench-exposed@example.test'`)).rows[0].id;
    // A fixed, spread-out sample of reports with statuses, for the detail timing.
    const detailIds = (await client.query<{ id: string }>('select id from "Report" where "statusCount" >= 1 order by md5(id::text) limit 200')).rows.map((r) => r.id);
    return { instanceIds, adminId, exposedId, detailIds, seedSeconds, size };
  } finally {
    await client.end();
  }
}

/** jsonb reorders keys, so compare field by field rather than as strings. */
function sameMarker(stored: unknown, wanted: Record<string, number>): boolean {
  if (!stored || typeof stored !== 'object') return false;
  return Object.entries(wanted).every(([k, v]) => (stored as Record<string, unknown>)[k] === v);
}
