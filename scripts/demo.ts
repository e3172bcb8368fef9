/**
 * `npm run demo`: one fake server of every kind (two Mastodons, GoToSocial, Akkoma, Misskey, Lemmy 0.19 and 1.0,
 * PeerTube) with synthetic reports (harmless generated images), connected to a separate demo database (.data/demo),
 * then the dashboard as `npm start` runs it. Ctrl-C stops everything.
 */
import path from 'node:path';
import { spawn } from 'node:child_process';

process.env.DATA_DIR ??= path.join(process.cwd(), '.data/demo');
process.env.EMBEDDED_PG_PORT ??= '54331';

const { prepareDatabase } = await import('../lib/db/prepare-database');
const { startFakeMastodon } = await import('../e2e/fakes/mastodon/server');
const { startFakeGoToSocial } = await import('../e2e/fakes/gotosocial/server');
const { startFakeAkkoma } = await import('../e2e/fakes/akkoma/server');
const { startFakeMisskey } = await import('../e2e/fakes/misskey/server');
const { startFakeLemmy } = await import('../e2e/fakes/lemmy/server');
const { startFakePeerTube } = await import('../e2e/fakes/peertube/server');
const { connectDemoInstances } = await import('./demo/connect-demo-instances');

const say = (m: string) => console.log(`[demo] ${m}`);
const database = await prepareDatabase(say); // migrations as the owner; sets DATABASE_URL (app role) for what follows

const fakes = [
  await startFakeMastodon({ port: 4101, reports: 36, seed: 1, domain: 'alpha.test', title: 'Alpha Social', token: 'demo-alpha-admin-token' }),
  await startFakeMastodon({ port: 4102, reports: 24, seed: 2, domain: 'beta.test', title: 'Beta Town', token: 'demo-beta-admin-token' }),
  await startFakeGoToSocial({ port: 4103, reports: 12, seed: 3, token: 'demo-gts-admin-token' }),
  await startFakeAkkoma({ port: 4104, reports: 12, seed: 4, token: 'demo-akkoma-admin-token' }),
  await startFakeMisskey({ port: 4105, reports: 12, seed: 5, token: 'demo-misskey-admin-token' }),
  await startFakeLemmy({ port: 4106, reports: 12, seed: 6 }),
  await startFakePeerTube({ port: 4107, reports: 12, seed: 7 }),
  await startFakeLemmy({ port: 4108, reports: 12, seed: 8, version: '1.0.0', domain: 'lemmy-one.test' }),
];
say(`Fake instances: ${fakes.map((f) => f.url).join(', ')}`);
for (const line of await connectDemoInstances(fakes.map((f) => ({ url: f.url, token: f.token })))) say(line);

const app = spawn(process.execPath, ['--import', 'tsx', path.join(process.cwd(), 'scripts/start.ts')], { stdio: 'inherit', env: process.env });
let stopping = false;
async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  if (app.exitCode === null) {
    app.kill('SIGTERM');
    await new Promise((r) => app.once('exit', r));
  }
  await Promise.all(fakes.map((f) => f.close()));
  await database.stop();
  process.exit(code);
}
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
app.on('exit', (code) => void stop(code ?? 0));
