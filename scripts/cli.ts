/** `npm run cli -- <command>`: uses DATABASE_URL, or the embedded database (started if nothing runs on it). */
import { prepareDatabase } from '../lib/db/prepare-database';
import { parseArgs } from '../lib/cli/args';

let code = 1;
let database: { stop(): Promise<void> } = { stop: async () => {} };
try {
  // Migrations as the owner; the commands run as the app role, like the web and worker processes.
  database = await prepareDatabase((m) => console.error(`[fedimod] ${m}`));
  const { runCommand } = await import('../lib/cli/commands');
  code = await runCommand(parseArgs(process.argv.slice(2)), (line) => console.log(line));
} catch (e) {
  console.error(`error: ${e instanceof Error && 'userMessage' in e ? `${(e as { userMessage: string }).userMessage} (${e.message})` : e instanceof Error ? e.message : String(e)}`);
} finally {
  const { stopBoss } = await import('../lib/jobs/boss');
  const { disconnectDb } = await import('../lib/db');
  await stopBoss().catch(() => {});
  // End remote sessions this command opened (a PeerTube token per instance), so runs do not leave tokens behind.
  await (await import('../lib/instances/connector-cache')).dropAllConnectors().catch(() => {});
  await disconnectDb().catch(() => {});
  await database.stop();
}
process.exit(code);
