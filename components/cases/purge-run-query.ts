'use client';

/**
 * The case's latest purge run, kept fresh: every 1.5 s while it runs (steps and receipts arrive in the background),
 * every 30 s otherwise. When the run moves on (a receipt, a finished run) the case itself is refetched too, so the
 * copies' verdicts and the case state follow without waiting for the case page's own slower refresh.
 */
import { useEffect, useRef } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { PurgeRunView } from '@/lib/purge/types';
import { fetchPurgeRun } from './purge-api';

export const RUNNING_REFRESH_MS = 1_500;
export const IDLE_PURGE_REFRESH_MS = 30_000;

/** A fingerprint of what changes the case page: state and every receipt id. */
export function runSignature(run: PurgeRunView | null | undefined): string {
  if (!run) return 'none';
  const receipts = [...run.instances.flatMap((i) => i.receipts), ...run.unchecked].map((r) => r.id).sort();
  return `${run.id}|${run.state}|${receipts.join(',')}`;
}

export function usePurgeRun(caseId: string, caseState: string) {
  const client = useQueryClient();
  const query = useQuery({
    queryKey: ['purge-run', caseId],
    queryFn: () => fetchPurgeRun(caseId),
    // A purging case polls even before the first answer says "running" (the run was just started).
    refetchInterval: (q) => (q.state.data?.state === 'running' || caseState === 'purging' ? RUNNING_REFRESH_MS : IDLE_PURGE_REFRESH_MS),
  });
  const sig = runSignature(query.data);
  const last = useRef<string | null>(null);
  useEffect(() => {
    if (last.current !== null && last.current !== sig) void client.invalidateQueries({ queryKey: ['case', caseId] });
    last.current = sig;
  }, [sig, caseId, client]);
  return {
    run: query.data ?? null,
    loading: query.isPending,
    error: query.isError ? query.error.message : null,
    refresh: () => client.invalidateQueries({ queryKey: ['purge-run', caseId] }),
  };
}
