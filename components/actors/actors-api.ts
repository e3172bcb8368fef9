/** Browser calls of the account and domain pages (components/api/request.ts does the fetching). */
import { requestJson } from '@/components/api/request';
import type { ApplyAction } from '@/lib/actors/apply-input';
import type { AccountProfile, ActionProgress, ApplyEverywhereResult, DomainProfile, InstanceAccountState } from '@/lib/actors/types';

export type ApplyTarget = { type: 'account'; handle: string } | { type: 'domain'; domain: string };

export const accountHref = (handle: string) => `/accounts/${encodeURIComponent(handle)}`;
export const domainHref = (domain: string) => `/domains/${encodeURIComponent(domain)}`;

export const fetchAccount = (handle: string) => requestJson<AccountProfile>(`/api/accounts/${encodeURIComponent(handle)}`);
export const fetchDomain = (domain: string) => requestJson<DomainProfile>(`/api/domains/${encodeURIComponent(domain)}`);

export const fetchAccountStates = (handle: string) =>
  requestJson<{ handle: string; states: InstanceAccountState[] }>(`/api/accounts/${encodeURIComponent(handle)}/states`);

function applyUrl(t: ApplyTarget): string {
  return t.type === 'account' ? `/api/accounts/${encodeURIComponent(t.handle)}/apply` : `/api/domains/${encodeURIComponent(t.domain)}/apply`;
}

export const applyCall = (t: ApplyTarget, action: ApplyAction, preview: boolean) =>
  requestJson<ApplyEverywhereResult>(applyUrl(t), { method: 'POST', body: { action, preview } });

/** The status of queued actions, through the route of the page they were asked from. */
export async function fetchProgress(t: ApplyTarget, actionIds: string[]): Promise<ActionProgress[]> {
  const q = `?actions=${actionIds.map(encodeURIComponent).join(',')}`;
  const url = t.type === 'account' ? `/api/accounts/${encodeURIComponent(t.handle)}/states${q}` : `/api/domains/${encodeURIComponent(t.domain)}${q}`;
  return (await requestJson<{ actions: ActionProgress[] }>(url)).actions;
}
