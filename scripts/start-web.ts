/** `npm run start:web`: only the web server, for deployments that run web and worker processes separately. */
import path from 'node:path';
import { spawn } from 'node:child_process';
import { prepareDatabase } from '../lib/db/prepare-database';
import { buildIfNeeded } from '../lib/runtime/build-if-needed';
import { printSetupHint } from '../lib/runtime/setup-hint';

const say = (m: string) => console.log(`[fedimod web] ${m}`);
const database = await prepareDatabase(say); // sets DATABASE_URL to the app role for next start
buildIfNeeded(process.cwd(), say);
await printSetupHint(say);
const child = spawn(process.execPath, ['--import', 'tsx', path.join(process.cwd(), 'scripts/web-server.ts')], { stdio: 'inherit', env: process.env });
const forward = (sig: NodeJS.Signals) => child.kill(sig);
process.on('SIGINT', forward);
process.on('SIGTERM', forward);
child.on('exit', async (code) => {
  await database.stop();
  process.exit(code ?? 0);
});
