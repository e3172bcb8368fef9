/**
 * verify(): logs in (or uses the JWT), reads GET /site (the account must be an admin; gives the version) and
 * tries a one-item read of post reports, returning one check per step with the instance's own error code.
 */
import { isAppError } from '../../errors';
import type { VerifyCheck, VerifyResult } from '../types';
import { siteSchema } from './api-types';
import { V3, type LemmyClient } from './client';

export async function verifyLemmy(client: LemmyClient): Promise<VerifyResult> {
  const checks: VerifyCheck[] = [];
  const login = await attempt('login', () => client.login());
  if (login.check) return { ok: false, account: null, instance: null, checks: [login.check] };
  checks.push({ name: 'login', ok: true, detail: client.authMode === 'password' ? 'Logged in with the username and password' : 'Using the JWT' });
  const site = await attempt('site', async () => siteSchema.parse(await client.request('GET', `${V3}/site`)));
  const me = site.value?.my_user?.local_user_view ?? null;
  if (site.value) {
    checks.push({ name: 'site', ok: true, detail: `${site.value.site_view.site.name} (Lemmy ${site.value.version})` });
    if (!me) checks.push({ name: 'is_admin', ok: false, detail: 'The JWT is not logged in (no my_user)' });
    else checks.push({ name: 'is_admin', ok: me.local_user.admin === true, detail: me.local_user.admin ? 'The account is an admin' : 'The account is not an instance admin' });
  } else if (site.check) checks.push(site.check);
  const reports = await attempt('read:reports', () => client.request('GET', `${V3}/post/report/list`, { query: { page: 1, limit: 1 } }));
  checks.push(reports.check ?? { name: 'read:reports', ok: true, detail: 'Reports can be read' });
  const s = site.value;
  return {
    // Admin is required: private message reports, bans, removals and instance blocks all need it.
    ok: !reports.check && me?.local_user.admin === true,
    account: me ? { username: me.person.name, acct: me.person.name } : null,
    instance: s ? { title: s.site_view.site.name, version: s.version, software: 'lemmy', domain: hostOf(s.site_view.site.actor_id) } : null,
    checks,
  };
}

type Attempt<T> = { value: T; check?: undefined } | { value: null; check: VerifyCheck };

async function attempt<T>(name: string, run: () => Promise<T>): Promise<Attempt<T>> {
  try {
    return { value: await run() };
  } catch (e) {
    return { value: null, check: { name, ok: false, detail: describe(e) } };
  }
}

function describe(e: unknown): string {
  if (isAppError(e)) {
    const status = typeof e.details?.status === 'number' ? `${e.details.status} ` : '';
    const remote = typeof e.details?.remoteError === 'string' ? e.details.remoteError : e.userMessage;
    return `${status}${remote}`.trim();
  }
  return 'Unexpected response from the instance';
}

function hostOf(url: string | null | undefined): string | null {
  try {
    return url ? new URL(url).host : null;
  } catch {
    return null;
  }
}
