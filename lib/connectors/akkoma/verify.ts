/**
 * verify(): signs in, reads the instance (which must say Pleroma or Akkoma in its version), and tries a
 * one-item read of reports, returning one check per step with the instance's own error text.
 */
import { isAppError } from '../../errors';
import type { VerifyCheck, VerifyResult } from '../types';
import { credentialSchema, instanceSchema } from './api-types';
import { ADMIN, type AkkomaClient } from './client';

export async function verifyAkkoma(client: AkkomaClient): Promise<VerifyResult> {
  const [me, instance, reports] = await Promise.all([
    attempt('verify_credentials', async () => credentialSchema.parse(await client.request('GET', '/api/v1/accounts/verify_credentials'))),
    attempt('instance', async () => instanceSchema.parse(await client.request('GET', '/api/v1/instance'))),
    attempt('admin:read:reports', () => client.request('GET', `${ADMIN}/reports`, { query: { page_size: 1 } })),
  ]);
  const checks: VerifyCheck[] = [];
  if (me.value) {
    checks.push({ name: me.name, ok: true, detail: `Signed in as @${me.value.acct}` });
    const admin = me.value.pleroma?.is_admin ?? me.value.is_admin ?? null;
    // Moderators may also read reports when the instance allows it, so a non-admin is a warning, not a stop.
    if (admin !== null) checks.push({ name: 'is_admin', ok: admin, detail: admin ? 'The account is an admin' : 'The account is not an admin' });
  } else if (me.check) checks.push(me.check);
  const inst = instance.value;
  const version = inst?.version ?? '';
  const software = /akkoma/i.test(version) ? 'Akkoma' : /pleroma/i.test(version) ? 'Pleroma' : null;
  if (inst) checks.push({ name: 'instance', ok: software !== null, detail: `${inst.title} (${software ? version : `not Pleroma or Akkoma: "${version}"`})` });
  else if (instance.check) checks.push(instance.check);
  checks.push(reports.check ?? { name: reports.name, ok: true, detail: 'Reports can be read' });
  return {
    ok: !reports.check,
    account: me.value ? { username: me.value.username, acct: me.value.acct } : null,
    instance: inst ? { title: inst.title, version: inst.version ?? null, software: 'akkoma', domain: inst.uri ? hostOf(inst.uri) : null } : null,
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
  return 'Unexpected response from the instance'; // zod: it answered, but not in Akkoma's shape
}

/** Pleroma's v1 `uri` is a full URL ("https://akkoma.example"); Mastodon's is a bare domain. */
function hostOf(uri: string): string {
  try {
    return new URL(uri.includes('://') ? uri : `https://${uri}`).host;
  } catch {
    return uri;
  }
}
