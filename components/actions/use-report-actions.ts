'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Capabilities } from '@/lib/connectors/types';
import { noteRequested } from '@/components/report-detail/requested-here';

export interface ActionRow {
  id: string;
  kind: string;
  payload: Record<string, unknown>;
  status: 'pending' | 'running' | 'done' | 'failed' | 'cancelled';
  attempts: number;
  lastError: string | null;
  /** When a pending action that failed will be tried again (the outbox backs off). */
  nextAttemptAt: string | null;
  createdAt: string;
  finishedAt: string | null;
  requestedBy: string | null;
}

export interface ReportActionsData {
  report: { id: string; status: string; category: string };
  instance: { kind: string; name: string };
  target: { acct: string; domain: string | null; suspended: boolean; silenced: boolean; sensitized: boolean; disabled: boolean };
  capabilities: Capabilities;
  canAct: boolean;
  /** Permanent account deletion is for admins (lib/auth/policy.ts ADMIN_ONLY_ACTIONS). */
  canDeleteAccounts: boolean;
  actions: ActionRow[];
}

async function call<T>(url: string, init?: RequestInit): Promise<T> {
  const res = await fetch(url, { ...init, headers: { 'Content-Type': 'application/json', ...(init?.headers ?? {}) } });
  const body = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error((body as { error?: { message?: string } }).error?.message ?? `Request failed (${res.status})`);
  return body as T;
}

export function useReportActions(reportId: string) {
  const qc = useQueryClient();
  const key = ['report-actions', reportId];
  const query = useQuery({
    queryKey: key,
    queryFn: () => call<ReportActionsData>(`/api/reports/${reportId}/actions`),
    // Poll quickly while the worker is carrying something out, slowly otherwise.
    refetchInterval: (q) => (q.state.data?.actions.some((a) => a.status === 'pending' || a.status === 'running') ? 1500 : 15_000),
  });
  const invalidate = () => {
    void qc.invalidateQueries({ queryKey: key });
    void qc.invalidateQueries({ queryKey: ['report', reportId] });
    void qc.invalidateQueries({ queryKey: ['queue'] });
  };
  const request = useMutation({
    mutationFn: (action: Record<string, unknown>) => call<{ actionId: string }>(`/api/reports/${reportId}/actions`, { method: 'POST', body: JSON.stringify(action) }),
    onSuccess: (r) => { noteRequested(r.actionId); invalidate(); },
  });
  const retry = useMutation({
    mutationFn: (actionId: string) => call(`/api/actions/${actionId}/retry`, { method: 'POST', body: '{}' }),
    onSuccess: invalidate,
  });
  return { query, request, retry };
}
