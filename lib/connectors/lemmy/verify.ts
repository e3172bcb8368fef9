/**
 * verify(): logs in (or uses the JWT), reads the site (name, version) and the JWT's own user (must be an admin),
 * and tries a one-item read of reports, returning one check per step with the instance's own error code.
 * v3 has the user inside GET /site (my_user, absent when the JWT is not valid: 0.19 then answers anonymously);
 * v4 moved it to GET /account.
 */
import { isAppError } from '../../errors';
import type { VerifyCheck, VerifyResult } from '../types';
import { siteSchema } from './api-types';
import { v4MyUserSchema, v4SiteSchema } from './api-types-v4';
import { V3, V4, type LemmyClient } from './client';

interface SiteInfo {
  title: string;
  version: string;
  actorId: string | null;
  me: { name: string; admin: boolean } | null;
  /** Why `me` is null, as a check. */
  meCheck?: VerifyCheck;
}

async function readSiteV3(client: LemmyClient): Promise<SiteInfo> {
  const s = siteSchema.parse(await client.request('GET', `${V3}/site`));
  const me = s.my_user?.local_user_view ?? null;
  return {
    title: s.site_view.site.name, version: s.version, actorId: s.site_view.site.actor_id ?? null,
    me: me ? { name: me.person.name, admin: me.local_user.admin === true } : null,
    meCheck: me ? undefined : { name: 'is_admin', ok: false, detail: 'The JWT is not logged in (no my_user)' },
  };
}

async function readSiteV4(client: LemmyClient): Promise<SiteInfo> {
  const s = v4SiteSchema.parse(await client.request('GET', `${V4}/site`));
  const account = await attempt('is_admin', async () => v4MyUserSchema.parse(await client.request('GET', `${V4}/account`)));
  const me = account.value?.local_user_view ?? null;
  return {
    title: s.site_view.site.name, version: s.version, actorId: s.site_view.site.ap_id ?? s.site_view.site.actor_id ?? null,
    me: me ? { name: me.person.name, admin: me.local_user.admin === true } : null,
    meCheck: account.check,
  };
}

export async function verifyLemmy(client: LemmyClient): Promise<VerifyResult> {
  const checks: VerifyCheck[] = [];
  const login = await attempt('login', () => client.login());
  if (login.check) return { ok: false, account: null, instance: null, checks: [login.check] };
  checks.push({ name: 'login', ok: true, detail: client.authMode === 'password' ? 'Logged in with the username and password' : 'Using the JWT' });
  const site = await attempt('site', () => (client.api === 'v4' ? readSiteV4(client) : readSiteV3(client)));
  const s = site.value;
  const me = s?.me ?? null;
  if (s) {
    checks.push({ name: 'site', ok: true, detail: `${s.title} (Lemmy ${s.version})` });
    if (!me) checks.push(s.meCheck ?? { name: 'is_admin', ok: false, detail: 'The account could not be read' });
    else checks.push({ name: 'is_admin', ok: me.admin, detail: me.admin ? 'The account is an admin' : 'The account is not an instance admin' });
  } else if (site.check) checks.push(site.check);
  const readPath = client.api === 'v4' ? `${V4}/report/list` : `${V3}/post/report/list`;
  const readQuery = client.api === 'v4' ? { limit: 1 } : { page: 1, limit: 1 };
  const reports = await attempt('read:reports', () => client.request('GET', readPath, { query: readQuery }));
  checks.push(reports.check ?? { name: 'read:reports', ok: true, detail: 'Reports can be read' });
  return {
    // Admin is required: private message reports, bans, removals, purges and instance blocks all need it.
    ok: !reports.check && me?.admin === true,
    account: me ? { username: me.name, acct: me.name } : null,
    instance: s ? { title: s.title, version: s.version, software: 'lemmy', domain: hostOf(s.actorId) } : null,
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
