/** `npm run start:web`: only the web server, for deployments that run web and worker processes separately. */
import path from 'node:path';
import { spawn } from 'node:child_process';
import { ensureDatabase } from '../lib/db/database-url';
import { applyMigrations } from '../lib/db/migrate';
import { env } from '../lib/env';
import { buildIfNeeded } from '../lib/runtime/build-if-needed';
import { printSetupHint } from '../lib/runtime/setup-hint';

const say = (m: string) => console.log(`[fedimod web] ${m}`);
const database = await ensureDatabase(say);
process.env.DATABASE_URL = database.url;
await applyMigrations(database.url);
buildIfNeeded(process.cwd(), say);
await printSetupHint(say);
const e = env();
const child = spawn(process.execPath, [path.join(process.cwd(), 'node_modules/next/dist/bin/next'), 'start', '-p', String(e.PORT), '-H', e.HOST], { stdio: 'inherit', env: process.env });
const forward = (sig: NodeJS.Signals) => child.kill(sig);
process.on('SIGINT', forward);
process.on('SIGTERM', forward);
child.on('exit', async (code) => {
  await database.stop();
  process.exit(code ?? 0);
});
