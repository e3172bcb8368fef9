/**
 * Filing benchmark (issue 11). A fresh database `bench_filing` (dropped and re-created each run) on DATABASE_URL's
 * server or on an embedded Postgres in .data/bench-filing (port 54354), then N fake instances in this process
 * (every 10: 6 Mastodon, one GoToSocial holding a re-encoded copy, Misskey, Lemmy, Akkoma), each answering after
 * about 40 ms like a server across the internet and each holding one federated copy of the known-bad post; one case
 * with N copies (opened on the first, the rest found by the real lookups); a fake CyberTipline answering after about
 * --ncmec-latency ms, configured through updateNcmecSettings as the system actor (synthetic credentials).
 * Timed: prepareFiling (seals the evidence, then builds the report; a second, warm prepareFiling reuses the seal, so
 * seal ≈ cold − warm), fileCase, and runFiling (the job's handler, in-process) until finished, with each step's
 * duration from the Filing row's step times. Checked: the calls the fake saw, one submit, one upload and one
 * fileinfo per distinct file, one finish (exit 1 otherwise). Also buildReportXml for 1000 URLs (pure, median).
 * Usage: npm run bench:filing -- [--instances 20] [--latency 40] [--ncmec-latency 150]
 * The last line is JSON: {"instances","urls","files","prepare_s","file_s","finished_s","calls","xml_1000_urls_ms",
 * "seal_s","build_s","steps_s"}.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { freshDatabase, intFlag as num, median, pool, round2 } from './bench-support';
import { setProcessEnv } from '../lib/env';

// Before any lib import that reads the environment.
setProcessEnv({ DATA_DIR: path.join(process.cwd(), '.data/bench-filing'), EMBEDDED_PG_PORT: '54354', LOG_LEVEL: process.env.LOG_LEVEL ?? 'error' });

const BENCH_DB = 'bench_filing';
const round3 = (n: number) => Math.round(n * 1000) / 1000;
const secs = (ms: number) => round2(ms / 1000);

interface Fake { url: string; token: string; close(): Promise<void> }

async function startFakes(n: number, latency: number): Promise<{ kind: string; fake: Fake }[]> {
  const { startFakeMastodon } = await import('../e2e/fakes/mastodon/server');
  const { startFakeGoToSocial } = await import('../e2e/fakes/gotosocial/server');
  const { startFakeMisskey } = await import('../e2e/fakes/misskey/server');
  const { startFakeLemmy } = await import('../e2e/fakes/lemmy/server');
  const { startFakeAkkoma } = await import('../e2e/fakes/akkoma/server');
  type O = { reports: number; seed: number; domain: string; latencyMs: number; knownBad: { reported: boolean } };
  const mix: [string, (o: O) => Promise<Fake>][] = [
    // The GoToSocial copy is rotated and re-encoded: a second distinct file in the evidence (found by PDQ).
    ['mastodon', (o) => startFakeMastodon(o)], ['mastodon', (o) => startFakeMastodon(o)],
    ['gotosocial', (o) => startFakeGoToSocial({ ...o, knownBad: { ...o.knownBad, variant: 'reencoded-rotated' } })],
    ['mastodon', (o) => startFakeMastodon(o)], ['misskey', ({ domain: _d, ...o }) => startFakeMisskey(o)], ['mastodon', (o) => startFakeMastodon(o)],
    ['lemmy', (o) => startFakeLemmy(o)], ['mastodon', (o) => startFakeMastodon(o)], ['akkoma', (o) => startFakeAkkoma(o)], ['mastodon', (o) => startFakeMastodon(o)],
  ];
  return Promise.all(Array.from({ length: n }, async (_, i) => {
    const [kind, start] = mix[i % mix.length];
    // About `latency` ms each, ±25 %, as servers at different distances answer.
    const latencyMs = Math.round(latency * (0.75 + Math.random() * 0.5));
    return { kind, fake: await start({ reports: 1, seed: 4000 + i, domain: `filing-${i}.test`, latencyMs, knownBad: { reported: i === 0 } }) };
  }));
}

/** buildReportXml alone (pure): a report of 1000 URLs, median of `runs` after a warm-up. */
async function xmlMicroBench(runs: number): Promise<number> {
  const { buildReportXml } = await import('../lib/filing/ncmec/report-xml');
  const { CSAM_INCIDENT_TYPE } = await import('../lib/filing/ncmec/incident-types');
  const input = {
    incidentType: CSAM_INCIDENT_TYPE,
    incidentDateTime: new Date('2026-01-02T03:04:05Z'),
    urls: Array.from({ length: 1000 }, (_, i) => `https://server-${i % 97}.example/@user${i}/${100_000_000 + i}?a=1&b=<${i}>`),
    reporter: { firstName: 'Robin', lastName: 'Example', email: 'trust@example.org', phone: '+1 555 0100' },
    reported: { espService: 'Mastodon', screenName: 'someone@origin.example', profileUrls: ['https://origin.example/@someone'] },
    additionalInfo: 'Synthetic benchmark report. '.repeat(40),
  };
  let chars = 0;
  for (let i = 0; i < 5; i++) chars += buildReportXml(input).length;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    chars += buildReportXml(input).length;
    times.push(performance.now() - t);
  }
  if (chars === 0) throw new Error('empty XML');
  return median(times);
}

async function main(): Promise<void> {
  const instances = num('instances', 20);
  const latency = num('latency', 40);
  const ncmecLatency = num('ncmec-latency', 150);
  const { ensureDatabase } = await import('../lib/db/database-url');
  const handle = await ensureDatabase((m) => console.log(m));
  const closers: (() => Promise<void>)[] = [];
  let bossStarted = false;
  let summary: string | null = null;
  let failed = false;
  try {
    setProcessEnv({ DATABASE_URL: await freshDatabase(handle.url, BENCH_DB) });
    const { applyMigrations } = await import('../lib/db/migrate');
    await applyMigrations(process.env.DATABASE_URL ?? '');
    const { db } = await import('../lib/db');
    const { getBoss } = await import('../lib/jobs/boss');
    bossStarted = true;
    await getBoss(); // the job schema exists before timing, as in a running app (fileCase queues the run)
    const { addInstance } = await import('../lib/instances/add-instance');
    const system = { actor: { type: 'system' as const, label: 'bench' } };

    const started = await startFakes(instances, latency);
    for (const s of started) closers.push(() => s.fake.close());
    const ids: string[] = new Array(started.length);
    await pool(started.map((s, i) => ({ s, i })), 10, async ({ s, i }) => {
      ids[i] = (await addInstance({ ctx: system, input: { kind: 'auto', baseUrl: s.fake.url, token: s.fake.token, allowPrivate: true, name: `bench ${String(i).padStart(3, '0')} (${s.kind})` } })).id;
    });
    const kinds = Object.entries(started.reduce<Record<string, number>>((a, s) => ({ ...a, [s.kind]: (a[s.kind] ?? 0) + 1 }), {})).map(([k, n]) => `${n} ${k}`).join(', ');
    console.log(`instances: ${started.length} (${kinds}), each holding one copy, latency about ${latency} ms each`);

    // The fake CyberTipline and the settings pointing at it. Synthetic credentials, fresh each run, never printed.
    const { startFakeNcmec } = await import('../e2e/fakes/ncmec/server');
    const username = `bench-esp-${randomBytes(6).toString('hex')}`;
    const password = `Bench-${randomBytes(18).toString('base64url')}`;
    const ncmec = await startFakeNcmec({ username, password, latencyMs: ncmecLatency });
    closers.push(() => ncmec.close());
    const { updateNcmecSettings } = await import('../lib/filing/settings/ncmec-settings');
    await updateNcmecSettings({
      ctx: system,
      input: {
        environment: 'custom', baseUrl: `${ncmec.url}/ispws`, allowPrivate: true, username, password,
        reporter: { firstName: 'Robin', lastName: 'Example', email: 'trust@example.org', phone: '+1 555 0100' },
        organization: { name: 'Example Collective' },
      },
    });
    console.log(`CyberTipline: fake, latency about ${ncmecLatency} ms per request`);

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
    const copyRows = await db.caseCopy.findMany({ where: { caseId }, select: { instanceId: true } });
    console.log(`case: ${copyRows.length} copies on ${new Set(copyRows.map((c) => c.instanceId)).size} instances`);
    if (copyRows.length < instances) console.log(`warning: ${instances - copyRows.length} instance(s) without a found copy`);
    // The lookups' per-instance limit (2 a second) would make the seal's downloads wait: not what is measured.
    await new Promise((r) => setTimeout(r, 1100));

    // 1. prepareFiling, cold (seals the evidence, then builds the report), then warm (the seal is reused).
    const { prepareFiling } = await import('../lib/filing/prepare-filing');
    const { fileCase } = await import('../lib/filing/file-case');
    const { runFiling } = await import('../lib/filing/run-filing');
    let t = performance.now();
    const preview = await prepareFiling({ ctx: system, input: { caseId } });
    const prepareMs = performance.now() - t;
    t = performance.now();
    const warm = await prepareFiling({ ctx: system, input: { caseId } });
    const buildMs = performance.now() - t;
    const sealMs = Math.max(0, prepareMs - buildMs);
    if (!preview.sealedNow || warm.sealedNow) console.log(`warning: sealedNow was ${preview.sealedNow} (cold) and ${warm.sealedNow} (warm)`);
    if (warm.reportSha256 !== preview.reportSha256) console.log('warning: the warm preview hashed differently from the cold one');
    const urls = preview.summary.urls.length;
    console.log(`prepareFiling: ${secs(prepareMs).toFixed(2)} s cold (seal about ${secs(sealMs).toFixed(2)} s + build), ${secs(buildMs).toFixed(2)} s warm (build only, seal reused)`);
    console.log(`report: ${urls} URLs, ${preview.reportXml.length} bytes of XML, ${preview.files.length} distinct files (${preview.files.map((f) => `${f.mime ?? '?'} ${f.bytes} B`).join(', ')})`);

    // 2. fileCase (rebuilds the report, checks its hash, writes the Filing row, queues the run).
    t = performance.now();
    const { filing } = await fileCase({ ctx: system, input: { caseId, to: 'ncmec', reportSha256: preview.reportSha256 } });
    const fileMs = performance.now() - t;
    console.log(`fileCase: ${secs(fileMs).toFixed(2)} s`);

    // 3. runFiling in-process until finished (the queued job is never worked: no worker in this process).
    const runStart = new Date();
    t = performance.now();
    let outcome = '';
    for (let i = 0; i < 10 && outcome !== 'finished'; i++) {
      outcome = await runFiling(filing.id, { maxInlineWaitMs: 60_000 });
      if (outcome === 'problem' || outcome === 'retracted') break;
    }
    const runMs = performance.now() - t;
    const row = await db.filing.findUniqueOrThrow({ where: { id: filing.id }, include: { files: true } });
    console.log(`runFiling: ${outcome} after ${secs(runMs).toFixed(2)} s (state ${row.state}${row.problem ? `, problem ${row.problem}: ${row.lastError ?? ''}` : ''}, attempts ${row.attempts})`);
    const at = (d: Date | null) => d?.getTime() ?? NaN;
    const steps = {
      submit: at(row.submittedAt) - runStart.getTime(),
      upload: at(row.filesUploadedAt) - at(row.submittedAt),
      file_info: at(row.fileInfoAt) - at(row.filesUploadedAt),
      finish: at(row.finishedAt) - at(row.fileInfoAt),
    };
    console.log(`steps (from the Filing row): ${Object.entries(steps).map(([k, v]) => `${k} ${Number.isNaN(v) ? 'n/a' : `${(v / 1000).toFixed(2)} s`}`).join(', ')}`);

    // 4. What the fake CyberTipline saw.
    const calls = ((await (await fetch(`${ncmec.url}/__fake/calls`)).json()) as { calls: { method: string; path: string }[] }).calls;
    const byEndpoint = calls.reduce<Record<string, number>>((a, c) => {
      const k = c.path.replace(/^\/ispws\//, '');
      return { ...a, [k]: (a[k] ?? 0) + 1 };
    }, {});
    const count = (k: string) => byEndpoint[k] ?? 0;
    const files = row.files.length;
    const distinctMd5 = new Set(row.files.map((f) => f.md5)).size;
    const reports = ((await (await fetch(`${ncmec.url}/__fake/reports`)).json()) as { reports: { state: string; xml: string; files: unknown[] }[] }).reports;
    const sentUrls = reports[0] ? (reports[0].xml.match(/<url>/g) ?? []).length : 0;
    console.log(`calls the fake saw: ${Object.entries(byEndpoint).map(([k, n]) => `${n} ${k}`).join(', ') || 'none'} (${calls.length} in all)`);
    console.log(`fake's reports: ${reports.length} (${reports.map((r) => `${r.state}, ${r.files.length} files, ${(r.xml.match(/<url>/g) ?? []).length} URLs`).join('; ')})`);

    const problems: string[] = [];
    if (outcome !== 'finished' || row.state !== 'finished') problems.push(`filing ended ${outcome} / ${row.state}`);
    if (count('submit') !== 1) problems.push(`${count('submit')} submit calls, expected 1`);
    if (count('upload') !== files) problems.push(`${count('upload')} upload calls, expected ${files} (one per distinct file)`);
    if (count('fileinfo') !== files) problems.push(`${count('fileinfo')} fileinfo calls, expected ${files}`);
    if (count('finish') !== 1) problems.push(`${count('finish')} finish calls, expected 1`);
    if (count('retract') !== 0) problems.push(`${count('retract')} retract calls, expected 0`);
    if (distinctMd5 !== files) problems.push(`${files} filing files but ${distinctMd5} distinct MD5s`);
    if (started.some((s) => s.kind === 'gotosocial') && files !== 2) problems.push(`${files} distinct files, expected 2 (original + the GoToSocial re-encode)`);
    if (reports.length !== 1) problems.push(`${reports.length} reports at the fake, expected 1`);
    if (sentUrls !== urls) problems.push(`the fake's report lists ${sentUrls} URLs, the preview ${urls}`);
    for (const p of problems) console.log(`FAIL: ${p}`);
    failed = problems.length > 0;

    // 5. buildReportXml alone.
    const xmlMs = await xmlMicroBench(50);
    console.log(`buildReportXml, 1000 URLs: ${xmlMs.toFixed(3)} ms (median of 50)`);
    console.log('note: figures are wall-clock on a shared machine; other processes load the CPU.');

    summary = JSON.stringify({
      instances: started.length, urls, files, prepare_s: secs(prepareMs), file_s: secs(fileMs), finished_s: secs(runMs),
      calls: { submit: count('submit'), upload: count('upload'), fileinfo: count('fileinfo'), finish: count('finish') },
      xml_1000_urls_ms: round3(xmlMs),
      seal_s: secs(sealMs), build_s: secs(buildMs),
      steps_s: Object.fromEntries(Object.entries(steps).map(([k, v]) => [k, Number.isNaN(v) ? null : secs(v)])),
    });
  } finally {
    if (bossStarted) {
      const { stopBoss } = await import('../lib/jobs/boss');
      await stopBoss().catch((e: unknown) => console.error(`stopping pg-boss: ${String(e)}`));
    }
    await Promise.all(closers.map((c) => c().catch(() => {})));
    const { dropAllConnectors } = await import('../lib/instances/connector-cache');
    await dropAllConnectors();
    const { disconnectDb } = await import('../lib/db');
    await disconnectDb();
    await handle.stop();
  }
  // Last, after the teardown's own messages: the line scripts read.
  if (summary) console.log(summary);
  if (failed) process.exitCode = 1;
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.stack ?? e.message : String(e));
  process.exit(1);
});
