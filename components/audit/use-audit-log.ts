'use client';

import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import type { AuditPage } from '@/lib/audit/audit-item';
import type { VerifyOutcome } from '@/lib/audit/chain';

/** Error bodies from our routes carry a user-safe message; anything else gets a generic one. */
async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  const res = await fetch(url, { signal, headers: { Accept: 'application/json' } });
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const message = (body as { error?: { message?: unknown } } | null)?.error?.message;
    throw new Error(typeof message === 'string' ? message : `Request failed (${res.status})`);
  }
  return body as T;
}

/** `params` is the API query string (filters only); each page adds the previous page's cursor. */
export function useAuditLog(params: string, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: ['audit', params],
    queryFn: ({ pageParam, signal }) => {
      const sp = new URLSearchParams(params);
      if (pageParam) sp.set('cursor', pageParam);
      return getJson<AuditPage>(`/api/audit?${sp.toString()}`, signal);
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled,
    // New events appear on demand (filters, reload), not by reshuffling a list the admin is reading.
    refetchOnWindowFocus: false,
  });
}

export function useVerifyChain() {
  return useMutation({ mutationFn: () => getJson<VerifyOutcome>('/api/audit/verify') });
}

const noSubscribe = () => () => {};

/** False during the server render and hydration, true after: local-time values must wait for it. */
export function useIsClient(): boolean {
  return useSyncExternalStore(noSubscribe, () => true, () => false);
}
