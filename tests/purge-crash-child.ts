/** The child of purge-crash.test.ts: drives one purge run in its own process, until the test kills it. */
import { runPurge } from '@/lib/purge/run-purge';

const runId = process.argv[2];
if (!runId) throw new Error('usage: purge-crash-child.ts RUN_ID');
console.log('child driving', runId);
await runPurge(runId, { leaseMs: 2_000 });
console.log('child finished');
process.exit(0);
