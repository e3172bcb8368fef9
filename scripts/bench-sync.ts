/**
 * Sync and media-ingest benchmark: a fake Mastodon in its own process with N open reports (scale seed, about 1.35
 * small synthetic images per report), a fresh database `bench_sync` (dropped and re-created each run, so the app's
 * data is never touched) on DATABASE_URL's server (that role must be allowed to create databases) or on an embedded
 * Postgres in .data/bench-sync (port 54351), then: the first sync (reports/s written), the ingest of every new
 * media through ingestMedia with the worker's media concurrency (media/s), the PDQ-only rate (decode + PDQ, as
 * bench:pdq computes it) on the same images in the same run, and a re-sync with nothing new.
 * Usage: npm run bench:sync -- [--reports 10000] [--concurrency 4] [--pdq-sample 1000] [--media-limit N]
 * (--media-limit ingests only the first N new images, for a quick run; the default is all of them).
 * The last line is JSON: {"reports_per_s","media_per_s","pdq_only_per_s","resync_s"}.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { freshDatabase, pool } from './bench-support';

function num(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(v) || v <= 0) throw new Error(`--${name} must be a positive integer`);
  return v;
}

// Before any lib import: lib/env reads these lazily on first use.
process.env.DATA_DIR = path.join(process.cwd(), '.data/bench-sync');
process.env.EMBEDDED_PG_PORT = '54351';
process.env.LOG_LEVEL ??= 'error';

const BENCH_DB = 'bench_sync';

interface FakeInfo { url: string; token: string; reports: number; images: number }

function startFake(reports: number): Promise<{ child: ChildProcess; info: FakeInfo }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'e2e/fakes/mastodon/main-scale.ts', '--reports', String(reports)], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`fake exited early (${code})`)));
    readline.createInterface({ input: child.stdout! }).once('line', (line) => resolve({ child, info: JSON.parse(line) as FakeInfo }));
  });
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const round2 = (n: number) => Math.round(n * 100) / 100;

async function main(): Promise<void> {
  const reports = num('reports', 10_000);
  const concurrency = num('concurrency', 4);
  const pdqSample = num('pdq-sample', 1000);
  const mediaLimit = num('media-limit', Number.MAX_SAFE_INTEGER);
  const { ensureDatabase } = await import('../lib/db/database-url');
  const { resetEnvCache } = await import('../lib/env');
  const handle = await ensureDatabase((m) => console.log(m));
  const fake = await startFake(reports);
  try {
    process.env.DATABASE_URL = await freshDatabase(handle.url, BENCH_DB);
    resetEnvCache();
    const { applyMigrations } = await import('../lib/db/migrate');
    await applyMigrations(process.env.DATABASE_URL);
    const { db } = await import('../lib/db');
    const { sealToken } = await import('../lib/instances/token-box');
    const { syncInstance } = await import('../lib/sync/sync-instance');
    const { ingestMedia } = await import('../lib/media/ingest-media');
    const { pdqHashBuffer } = await import('../lib/hashing/pdq');
    const { scaleImagePool } = await import('../e2e/fakes/mastodon/scale-seed');
    const { url, token } = fake.info;
    console.log(`fake: ${fake.info.reports} open reports, ${fake.info.images} images at ${url}`);
    const instance = await db.instance.create({
      data: {
        name: 'bench', kind: 'mastodon', baseUrl: url, domain: 'scale.test', allowPrivate: true, status: 'ok',
        tokenSealed: await sealToken(token, url), webhookSecretSealed: await sealToken('bench-webhook', `${url}#webhook`),
      },
    });
    // Job queue schema and queues exist before timing, as in a running app.
    const { getBoss, stopBoss } = await import('../lib/jobs/boss');
    await getBoss();

    let t0 = performance.now();
    const first = await syncInstance(instance.id);
    const syncS = (performance.now() - t0) / 1000;
    const written = first.created + first.updated;
    const reportsPerS = written / syncS;
    console.log(`first sync: ${written} reports, ${first.newMedia} media rows, ${first.skipped} skipped in ${syncS.toFixed(1)} s = ${reportsPerS.toFixed(1)} reports/s`);

    const pending = await db.media.findMany({ where: { instanceId: instance.id, state: 'pending', type: 'image' }, select: { id: true }, orderBy: { remoteId: 'asc' } });
    const ids = pending.map((m) => m.id).slice(0, mediaLimit);
    t0 = performance.now();
    let done = 0;
    await pool(ids, concurrency, async (id) => {
      if ((await ingestMedia(id, { finalAttempt: true })) === 'done') done++;
    });
    const ingestS = (performance.now() - t0) / 1000;
    const mediaPerS = ids.length / ingestS;
    console.log(`media ingest: ${done}/${ids.length} images done in ${ingestS.toFixed(1)} s with concurrency ${concurrency} = ${mediaPerS.toFixed(1)} media/s`);

    // PDQ alone on the same bytes, in media order (the pool repeats, as the fake serves it), one at a time like bench:pdq.
    const images = await scaleImagePool();
    const stored = await db.media.findMany({ where: { instanceId: instance.id, type: 'image' }, select: { remoteId: true }, orderBy: { remoteId: 'asc' }, take: pdqSample });
    const sample = stored.map((_, i) => images[i % images.length].bytes);
    for (const b of sample.slice(0, 5)) await pdqHashBuffer(b);
    t0 = performance.now();
    for (const b of sample) await pdqHashBuffer(b);
    const pdqPerS = sample.length / ((performance.now() - t0) / 1000);
    console.log(`PDQ only (decode + PDQ, sequential): ${pdqPerS.toFixed(1)} images/s on ${sample.length} images; ingest/PDQ = ${(mediaPerS / pdqPerS).toFixed(2)}`);

    t0 = performance.now();
    const again = await syncInstance(instance.id);
    const resyncS = (performance.now() - t0) / 1000;
    console.log(`re-sync: ${again.unchanged} unchanged, ${again.created + again.updated} written in ${resyncS.toFixed(2)} s`);
    console.log('note: figures are wall-clock on a shared machine; other processes load the CPU.');
    await stopBoss();
    console.log(JSON.stringify({ reports_per_s: round1(reportsPerS), media_per_s: round1(mediaPerS), pdq_only_per_s: round1(pdqPerS), resync_s: round2(resyncS) }));
  } finally {
    fake.child.kill('SIGTERM');
    const { disconnectDb } = await import('../lib/db');
    await disconnectDb();
    await handle.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.stack ?? e.message : String(e));
  process.exit(1);
});
