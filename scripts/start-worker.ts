/** `npm run start:worker`: background jobs only. Run as many as needed against one DATABASE_URL. */
import { ensureDatabase } from '../lib/db/database-url';
import { applyMigrations } from '../lib/db/migrate';
import { startWorker } from '../lib/jobs/worker';
import { stopBoss } from '../lib/jobs/boss';
import { disconnectDb } from '../lib/db';

const say = (m: string) => console.log(`[fedimod worker] ${m}`);
const database = await ensureDatabase(say);
process.env.DATABASE_URL = database.url;
await applyMigrations(database.url);
await startWorker();

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await stopBoss().catch(() => {});
  await disconnectDb().catch(() => {});
  await database.stop().catch(() => {});
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
