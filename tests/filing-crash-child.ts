/** The child of filing-crash.test.ts: drives one filing in its own process, until the test kills it. */
import { runFiling } from '@/lib/filing/run-filing';

const filingId = process.argv[2];
if (!filingId) throw new Error('usage: filing-crash-child.ts FILING_ID');
console.log('child driving', filingId);
console.log('child result', await runFiling(filingId, { leaseMs: 2_000 }));
process.exit(0);
