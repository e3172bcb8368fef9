/** `npm run start:worker`: background jobs only. Run as many as needed against one DATABASE_URL. */
import { prepareDatabase } from '../lib/db/prepare-database';
import { startWorker } from '../lib/jobs/worker';
import { stopBoss } from '../lib/jobs/boss';
import { disconnectDb } from '../lib/db';
import { dropAllConnectors } from '../lib/instances/connector-cache';

const say = (m: string) => console.log(`[fedimod worker] ${m}`);
const database = await prepareDatabase(say); // migrations as the owner, the worker as the app role
await startWorker();

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await stopBoss().catch(() => {});
  await dropAllConnectors().catch(() => {}); // revoke the remote sessions (PeerTube tokens) this worker held
  await disconnectDb().catch(() => {});
  await database.stop().catch(() => {});
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
