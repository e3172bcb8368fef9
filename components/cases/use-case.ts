'use client';

/**
 * The case on screen, kept fresh: every 2 s while any instance is still being searched (the lookups fill in as
 * they finish), every 30 s otherwise. Changes go through `run`, which refreshes the case afterwards.
 */
import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { CaseDetail } from '@/lib/cases/types';
import { fetchCase } from './case-api';
import { isSearching } from './case-text';

export const SEARCHING_REFRESH_MS = 2_000;
export const IDLE_REFRESH_MS = 30_000;

export function useCase(initial: CaseDetail) {
  const client = useQueryClient();
  const key = ['case', initial.id];
  const query = useQuery({
    queryKey: key,
    queryFn: () => fetchCase(initial.id),
    initialData: initial,
    refetchInterval: (q) => (isSearching(q.state.data?.lookups ?? []) ? SEARCHING_REFRESH_MS : IDLE_REFRESH_MS),
  });
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  /** Runs one change (named, so its button can say "Saving…"); the server's user message becomes the error. */
  async function run<T>(name: string, fn: () => Promise<T>): Promise<T | null> {
    setBusy(name);
    setError(null);
    try {
      const out = await fn();
      await client.invalidateQueries({ queryKey: key });
      return out;
    } catch (e) {
      setError(e instanceof Error ? e.message : 'Something went wrong.');
      return null;
    } finally {
      setBusy(null);
    }
  }

  return { c: query.data, refreshError: query.isError ? query.error.message : null, busy, error, run };
}
