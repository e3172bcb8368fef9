/**
 * A bank that gains enabled entries (or is re-enabled) must be matched against media already stored.
 * The RematchRun row carries the progress the bank pages show; the bank.rematch job only points at it.
 */
import type { Tx } from '@/lib/db';
import { enqueueRematch } from '@/lib/jobs/enqueue';
import { logger } from '@/lib/log/logger';

const log = logger('banks');

/** Inside the change's transaction, so a run exists exactly when its change does. */
export async function createRematchRun(tx: Tx, bankId: string): Promise<string> {
  const run = await tx.rematchRun.create({ data: { bankId, status: 'queued' }, select: { id: true } });
  return run.id;
}

/**
 * After commit, so the job never sees a run whose change could still roll back. A failed send is logged, not
 * thrown: the change is committed and audited, and an error would make the caller retry an import that
 * then inserts nothing and queues nothing. The run stays 'queued', visible on the bank page.
 */
export async function startRematch(runId: string | null): Promise<void> {
  if (!runId) return;
  try {
    await enqueueRematch(runId);
  } catch (e) {
    log.error('could not enqueue a rematch run', { runId, error: e instanceof Error ? e.message : String(e) });
  }
}
