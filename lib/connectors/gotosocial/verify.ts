/**
 * verify(): signs in, reads the instance (to confirm it really is GoToSocial), and tries a one-item read of
 * admin reports, returning one check per step with the instance's own error text.
 */
import { isAppError } from '../../errors';
import type { ServerKind, VerifyCheck, VerifyResult } from '../types';
import { credentialAccountSchema, gtsInstanceSchema, type GtsInstance } from './api-types';
import type { GoToSocialClient } from './client';
import { clean } from '../shared/remote-text';

export async function verifyGoToSocial(client: GoToSocialClient): Promise<VerifyResult> {
  const [me, instance, reports] = await Promise.all([
    attempt('verify_credentials', async () => credentialAccountSchema.parse((await client.get('/api/v1/accounts/verify_credentials')).data)),
    attempt('instance', async () => gtsInstanceSchema.parse((await client.get('/api/v1/instance')).data)),
    attempt('admin:read:reports', () => client.get('/api/v1/admin/reports', { limit: 1 })),
  ]);
  const checks: VerifyCheck[] = [];
  checks.push(me.value ? { name: me.name, ok: true, detail: `Signed in as @${me.value.acct}` } : me.check);
  const inst = instance.value;
  const software = inst ? detectSoftware(inst) : null;
  if (inst) {
    const version = clean(inst.version ?? 'unknown version');
    checks.push(software === 'gotosocial'
      ? { name: 'instance', ok: true, detail: `${clean(inst.title)} (GoToSocial ${version})` }
      : { name: 'instance', ok: false, detail: `${clean(inst.title)} does not look like GoToSocial (version ${version})` });
  } else {
    checks.push(instance.check);
  }
  checks.push(reports.value ? { name: reports.name, ok: true, detail: 'Reports can be read' } : reports.check);
  return {
    ok: Boolean(reports.value),
    account: me.value ? { username: me.value.username, acct: me.value.acct } : null,
    instance: inst && software
      ? { title: inst.title, version: inst.version ?? null, software, domain: inst.domain ?? inst.uri ?? null }
      : null,
    checks,
  };
}

/**
 * GoToSocial's version is a bare 0.x semver (optionally followed by a git commit); Mastodon and its forks
 * report 1.x or later. source_url, when present, names the code outright.
 */
export function detectSoftware(inst: GtsInstance): ServerKind {
  if (/gotosocial/i.test(inst.source_url ?? '') || /gotosocial/i.test(inst.version ?? '')) return 'gotosocial';
  if (/^0\.\d+\.\d+(?:[-+ ]|$)/.test(inst.version ?? '')) return 'gotosocial';
  return 'mastodon';
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
  // A zod failure: the server answered, but not with the shape GoToSocial uses.
  return 'Unexpected response from the instance';
}
