/**
 * A newly connected instance is asked about every active case: a case is the collective's, and an instance joined
 * after a case opened may hold a copy just as well. One statement queues a lookup row per active case; the first
 * cases' jobs are queued at once and the scheduler tick queues the rest (claim-lookups.ts strandedLookupCases), so
 * connecting an instance stays quick however many cases are open. Lookups only read, so no audit event per case:
 * each lookup's outcome is audited (case.lookup_finished) when it runs, and adding the instance is audited itself.
 */
import { db } from '@/lib/db';
import { enqueueCopySearch } from '@/lib/jobs/enqueue';
import { logger } from '@/lib/log/logger';

const log = logger('cases');
const ENQUEUE_NOW = 100;

export async function queueLookupsForInstance(instanceId: string): Promise<{ cases: number }> {
  const rows = await db.$queryRaw<{ caseId: string }[]>`
    INSERT INTO "CaseLookup" (id, "caseId", "instanceId", status, "requestedAt")
    SELECT gen_random_uuid(), c.id, ${instanceId}::uuid, 'queued', now() FROM "Case" c WHERE c.state IN ('open', 'purging')
    ON CONFLICT ("caseId", "instanceId") DO NOTHING
    RETURNING "caseId"::text AS "caseId"`;
  for (const r of rows.slice(0, ENQUEUE_NOW)) {
    await enqueueCopySearch(r.caseId).catch((e: unknown) => log.warn('copy search not queued; the scheduler will', { caseId: r.caseId, error: e instanceof Error ? e.message : String(e) }));
  }
  return { cases: rows.length };
}
