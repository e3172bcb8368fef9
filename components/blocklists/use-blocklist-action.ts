'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { requestJson } from '@/components/api/request';

/**
 * One write against a blocklist route; on success every blocklist query reloads (a source change moves the preview,
 * an apply moves the history), so no page shows a stale count next to a fresh one.
 */
export function useBlocklistAction<TVars, TResult = unknown>(toRequest: (vars: TVars) => { url: string; method: string; body?: unknown }) {
  const client = useQueryClient();
  return useMutation<TResult, Error, TVars>({
    mutationFn: (vars) => {
      const r = toRequest(vars);
      return requestJson<TResult>(r.url, { method: r.method, body: r.body });
    },
    onSuccess: () => client.invalidateQueries({ queryKey: ['blocklists'] }),
  });
}
