/**
 * verify(): signs in (which exercises the password grant when credentials are stored), checks the user's
 * role, reads the server version and tries a one-item read of abuses, one check per step with the
 * instance's own error text.
 */
import { isAppError } from '../../errors';
import type { VerifyCheck, VerifyResult } from '../types';
import { configSchema, meSchema } from './api-types';
import type { PeerTubeClient } from './client';
import { ABUSES } from './list-reports';

const ROLE_LABELS: Record<number, string> = { 0: 'administrator', 1: 'moderator', 2: 'user' };

export async function verifyPeerTube(client: PeerTubeClient): Promise<VerifyResult> {
  // Sequential so the checks read in order; the first call signs in and the others reuse its token (PeerTube 7
  // lets a user's tokens coexist, and the session signs in single-flight anyway).
  const me = await attempt('users/me', async () => meSchema.parse(await client.request('GET', '/api/v1/users/me')));
  const config = await attempt('config', async () => configSchema.parse(await client.request('GET', '/api/v1/config')));
  const abuses = await attempt('abuses', () => client.request('GET', ABUSES, { query: { count: 1, start: 0 } }));
  const checks: VerifyCheck[] = [];
  if (me.value) {
    const role = typeof me.value.role === 'number' ? me.value.role : me.value.role.id;
    checks.push({ name: me.name, ok: true, detail: `Signed in as ${me.value.username}` });
    const staff = role === 0 || role === 1;
    checks.push({ name: 'role', ok: staff, detail: staff ? `The user is an ${ROLE_LABELS[role]}` : 'The user is neither an admin nor a moderator' });
  } else if (me.check) checks.push(me.check);
  const cfg = config.value;
  if (cfg) checks.push({ name: config.name, ok: true, detail: `PeerTube ${cfg.serverVersion}` });
  else if (config.check) checks.push(config.check);
  checks.push(abuses.check ?? { name: abuses.name, ok: true, detail: 'Abuse reports can be read' });
  const host = new URL(client.baseUrl).host;
  return {
    ok: !abuses.check && checks.every((c) => c.ok),
    account: me.value ? { username: me.value.username, acct: me.value.account?.host ? `${me.value.username}@${me.value.account.host}` : me.value.username } : null,
    instance: cfg ? { title: cfg.instance?.name ?? host, version: cfg.serverVersion, software: 'peertube', domain: host } : null,
    checks,
  };
}

type Attempt<T> = { name: string; value: T; check?: undefined } | { name: string; value: null; check: VerifyCheck };

async function attempt<T>(name: string, run: () => Promise<T>): Promise<Attempt<T>> {
  try {
    return { name, value: await run() };
  } catch (e) {
    return { name, value: null, check: { name, ok: false, detail: describe(e) } };
  }
}

function describe(e: unknown): string {
  if (isAppError(e)) {
    const status = typeof e.details?.status === 'number' ? `${e.details.status} ` : '';
    const remote = typeof e.details?.remoteError === 'string' ? e.details.remoteError : e.userMessage;
    return `${status}${remote}`.trim();
  }
  return 'Unexpected response from the instance'; // zod: it answered, but not in PeerTube's shape
}
