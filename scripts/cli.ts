/** `npm run cli -- <command>`: uses DATABASE_URL, or the embedded database (started if nothing runs on it). */
import { ensureDatabase } from '../lib/db/database-url';
import { applyMigrations } from '../lib/db/migrate';
import { parseArgs } from '../lib/cli/args';

const database = await ensureDatabase((m) => console.error(`[fedimod] ${m}`));
process.env.DATABASE_URL = database.url;
let code = 1;
try {
  await applyMigrations(database.url);
  const { runCommand } = await import('../lib/cli/commands');
  code = await runCommand(parseArgs(process.argv.slice(2)), (line) => console.log(line));
} catch (e) {
  console.error(`error: ${e instanceof Error && 'userMessage' in e ? `${(e as { userMessage: string }).userMessage} (${e.message})` : e instanceof Error ? e.message : String(e)}`);
} finally {
  const { stopBoss } = await import('../lib/jobs/boss');
  const { disconnectDb } = await import('../lib/db');
  await stopBoss().catch(() => {});
  await disconnectDb().catch(() => {});
  await database.stop();
}
process.exit(code);
