/**
 * `npm run demo`: one fake server of every kind (two Mastodons, GoToSocial, Akkoma, Misskey, Lemmy 0.19 and 1.0,
 * PeerTube) with synthetic reports (harmless generated images), connected to a separate demo database (.data/demo),
 * then the dashboard as `npm start` runs it. Five of the fakes also hold a federated copy of one synthetic
 * "known-bad" test image, and a demo match bank holds its hashes, so a case opens by itself. A fake CyberTipline
 * (e2e/fakes/ncmec) on port 4109 is configured as the CyberTipline, so filing from the demo reaches only it. A local
 * list host on port 4110 serves two synthetic blocklists the demo subscribes to (scripts/demo/configure-demo-blocklists.ts).
 * The holding cell, watch lists, a fake Hasher-Matcher-Actioner (4111) and a fake chat receiver for notifications
 * (4112) are set up by scripts/demo/configure-demo-safety.ts.
 * Ctrl-C stops everything.
 */
import path from 'node:path';
import { spawn } from 'node:child_process';

process.env.DATA_DIR ??= path.join(process.cwd(), '.data/demo');
process.env.EMBEDDED_PG_PORT ??= '54331';

const { prepareDatabase } = await import('../lib/db/prepare-database');
const { startKnownBadScenario } = await import('../e2e/fakes/federation/start-scenario');
const { connectDemoInstances } = await import('./demo/connect-demo-instances');
const { ensureDemoBank } = await import('./demo/ensure-demo-bank');
const { knownBadSummary } = await import('./demo/known-bad-summary');
const { configureDemoNcmec, startDemoNcmec } = await import('./demo/configure-demo-ncmec');
const { configureDemoBlocklists, startDemoBlocklists } = await import('./demo/configure-demo-blocklists');
const { configureDemoMatcher, configureDemoSafety, postDemoWatchBait, startDemoSafetyHosts } = await import('./demo/configure-demo-safety');

const say = (m: string) => console.log(`[demo] ${m}`);
const database = await prepareDatabase(say); // migrations as the owner; sets DATABASE_URL (app role) for what follows

// The known-bad scenario (e2e/fakes/federation/start-scenario.ts) on the demo's fixed ports.
const scenario = await startKnownBadScenario({
  ports: { alpha: 4101, beta: 4102, gotosocial: 4103, akkoma: 4104, misskey: 4105, lemmy: 4106, peertube: 4107, lemmyOne: 4108 },
});
const fakes = scenario.fakes;
say(`Fake instances: ${fakes.map((f) => f.url).join(', ')}`);
// The bank first: the app has not synced anything yet, so the known-bad copies match it as they arrive.
say(await ensureDemoBank());
// Before connectDemoInstances, which closes this process's database connection when it is done.
const ncmec = await startDemoNcmec();
say(await configureDemoNcmec(ncmec));
const blocklistHost = await startDemoBlocklists();
say(await configureDemoBlocklists(blocklistHost, scenario.fake('alpha').url));
// Rules before the instances: the known-bad copies are held as they are hashed after the first sync.
const safety = await startDemoSafetyHosts();
for (const line of await configureDemoSafety(safety)) say(line);
say(await postDemoWatchBait(scenario.fake('alpha').url));
for (const line of await connectDemoInstances(fakes.map((f) => ({ url: f.url, token: f.token })), () => configureDemoMatcher(safety))) say(line);
say(knownBadSummary(fakes));

const app = spawn(process.execPath, ['--import', 'tsx', path.join(process.cwd(), 'scripts/start.ts')], { stdio: 'inherit', env: process.env });
let stopping = false;
async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  if (app.exitCode === null) {
    app.kill('SIGTERM');
    await new Promise((r) => app.once('exit', r));
  }
  await scenario.close();
  await ncmec.close();
  await blocklistHost.close();
  await safety.close();
  await database.stop();
  process.exit(code);
}
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
app.on('exit', (code) => void stop(code ?? 0));
