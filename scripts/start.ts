/**
 * `npm start`: database (embedded unless DATABASE_URL), migrations, build if needed, then the web server and
 * the worker as child processes. Ctrl-C stops the children, then the database, and leaves nothing running.
 */
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { prepareDatabase } from '../lib/db/prepare-database';
import { appUrl, env } from '../lib/env';
import { buildIfNeeded } from '../lib/runtime/build-if-needed';
import { printSetupHint } from '../lib/runtime/setup-hint';

const root = process.cwd();
const say = (m: string) => console.log(`[fedimod] ${m}`);

const database = await prepareDatabase(say); // children inherit DATABASE_URL (the app role) and DATABASE_OWNER_URL
say(`Applied migrations: ${database.applied.join(', ') || 'none pending'}`);
buildIfNeeded(root, say);

const children: ChildProcess[] = [];
function run(name: string, args: string[]): ChildProcess {
  const child = spawn(process.execPath, args, { cwd: root, stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  child.on('exit', (code, signal) => {
    if (!stopping) {
      say(`${name} exited (${signal ?? code}); stopping.`);
      void shutdown(1);
    }
  });
  children.push(child);
  return child;
}

let stopping = false;
async function shutdown(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  say('Stopping…');
  await Promise.all(
    children.map(
      (c) =>
        new Promise<void>((resolve) => {
          if (c.exitCode !== null || c.signalCode !== null) return resolve();
          const timer = setTimeout(() => c.kill('SIGKILL'), 10_000);
          c.once('exit', () => { clearTimeout(timer); resolve(); });
          c.kill('SIGTERM');
        }),
    ),
  );
  await database.stop().catch((e) => console.error(e));
  say('Stopped.');
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

const e = env();
run('web', ['--import', 'tsx', path.join(root, 'scripts/web-server.ts')]);
run('worker', ['--import', 'tsx', path.join(root, 'scripts/start-worker.ts')]);
say(`Dashboard: ${appUrl()}`);
await printSetupHint(say);
