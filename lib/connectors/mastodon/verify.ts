/**
 * verify(): signs in, reads the instance, and tries a one-item read of admin reports, returning one check
 * per step with the instance's own error text ("admin:read:reports: 403 This action is not allowed").
 */
import { isAppError } from '../../errors';
import type { VerifyCheck, VerifyResult } from '../types';
import { credentialAccountSchema, instanceSchema, type MastodonCredentialAccount } from './api-types';
import type { MastodonClient } from './client';
import { clean } from '../shared/remote-text';

// Bits of Mastodon's UserRole::FLAGS that matter to this dashboard.
const PERMISSIONS: Array<[string, bigint]> = [['Manage Reports', 1n << 4n], ['Manage Users', 1n << 10n], ['Manage Federation', 1n << 5n]];
const ADMINISTRATOR = 1n;

export async function verifyMastodon(client: MastodonClient): Promise<VerifyResult> {
  const [me, instance, reports, blocks] = await Promise.all([
    attempt('verify_credentials', async () => credentialAccountSchema.parse((await client.get('/api/v1/accounts/verify_credentials')).data)),
    attempt('instance', async () => instanceSchema.parse((await client.get('/api/v1/instance')).data)),
    attempt('admin:read:reports', () => client.get('/api/v1/admin/reports', { limit: 1 })),
    attempt('admin:read:domain_blocks', () => client.get('/api/v1/admin/domain_blocks', { limit: 1 })),
  ]);
  const checks: VerifyCheck[] = [];
  checks.push(me.value ? { name: me.name, ok: true, detail: `Signed in as @${me.value.acct}` } : me.check);
  const role = me.value ? roleCheck(me.value) : null;
  if (role) checks.push(role);
  const inst = instance.value;
  checks.push(inst ? { name: 'instance', ok: true, detail: `${inst.title} (Mastodon ${inst.version ?? 'unknown version'})` } : instance.check);
  checks.push(reports.value ? { name: reports.name, ok: true, detail: 'Reports can be read' } : reports.check);
  checks.push(blocks.value ? { name: blocks.name, ok: true, detail: 'Domain blocks can be read' } : blocks.check);
  return {
    ok: Boolean(reports.value),
    account: me.value ? { username: me.value.username, acct: me.value.acct } : null,
    instance: inst
      ? { title: inst.title, version: inst.version ?? null, software: 'mastodon', domain: inst.domain ?? inst.uri ?? null }
      : null,
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
  // A zod failure: the server answered, but not with the shape Mastodon uses.
  return 'Unexpected response from the instance';
}

function roleCheck(me: MastodonCredentialAccount): VerifyCheck | null {
  const role = me.role;
  if (!role || role.permissions === null || role.permissions === undefined || !/^\d+$/.test(String(role.permissions))) return null;
  const bits = BigInt(role.permissions);
  const has = (bit: bigint) => (bits & ADMINISTRATOR) !== 0n || (bits & bit) !== 0n;
  const detail = PERMISSIONS.map(([label, bit]) => `${label} ${has(bit) ? 'yes' : 'no'}`).join(', ');
  return { name: 'role', ok: has(PERMISSIONS[0][1]), detail: `Role "${clean(role.name)}": ${detail}` };
}
