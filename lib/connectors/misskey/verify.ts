/**
 * verify(): who the token belongs to (`i`, must be moderator or admin), the software version (`meta`), a
 * one-item read of admin/abuse-user-reports, and whether report webhooks are wired up (verify-webhook.ts; never
 * decides `ok`). Each step becomes a check whose detail says what to fix.
 */
import { isAppError } from '../../errors';
import type { VerifyCheck, VerifyResult } from '../types';
import { meSchema, metaSchema } from './api-types';
import type { MisskeyClient } from './client';
import { clean } from '../shared/remote-text';
import { checkReportWebhooks, WEBHOOK_CHECK } from './verify-webhook';

export async function verifyMisskey(client: MisskeyClient): Promise<VerifyResult> {
  const [me, meta, reports, webhooks] = await Promise.all([
    attempt('i', async () => meSchema.parse(await client.call('i', {}, { read: true }))),
    attempt('meta', async () => metaSchema.parse(await client.call('meta', { detail: false }, { read: true }))),
    attempt('read:admin:abuse-user-reports', async () => {
      await client.call('admin/abuse-user-reports', { limit: 1 }, { read: true });
      return true;
    }),
    attempt(WEBHOOK_CHECK, () => checkReportWebhooks(client)),
  ]);
  const checks: VerifyCheck[] = [];
  if (me.value) {
    const role = me.value.isAdmin ? 'administrator' : me.value.isModerator ? 'moderator' : null;
    checks.push({ name: 'i', ok: true, detail: `Signed in as @${clean(me.value.username)}` });
    checks.push({
      name: 'role',
      ok: role !== null,
      detail: role ? `The account is an ${role === 'administrator' ? 'administrator' : 'moderator'}` : 'The account is neither a moderator nor an administrator',
    });
  } else if (me.check) {
    checks.push(me.check);
  }
  const host = new URL(client.baseUrl).host;
  checks.push(meta.value ? { name: 'meta', ok: true, detail: `${clean(meta.value.name ?? host)} (Misskey ${clean(meta.value.version ?? 'unknown version')})` } : meta.check);
  checks.push(reports.check ?? { name: reports.name, ok: true, detail: 'Reports can be read' });
  checks.push(webhooks.value ?? webhooks.check);
  return {
    ok: Boolean(reports.value),
    account: me.value ? { username: me.value.username, acct: me.value.username } : null,
    instance: meta.value
      ? { title: meta.value.name ?? host, version: meta.value.version ?? null, software: 'misskey', domain: host }
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

const HINTS: Record<string, string> = {
  CREDENTIAL_REQUIRED: 'No token was sent',
  AUTHENTICATION_FAILED: 'The token is wrong or revoked',
  PERMISSION_DENIED: 'The token lacks this permission kind; create a token that includes it',
  ROLE_PERMISSION_DENIED: 'The account is not a moderator or administrator',
  ACCESS_DENIED: 'The account is not a moderator or administrator',
  RATE_LIMIT_EXCEEDED: 'The instance is rate limiting; try again shortly',
};

function describe(e: unknown): string {
  if (isAppError(e)) {
    const code = typeof e.details?.code === 'string' ? e.details.code : null;
    const status = typeof e.details?.status === 'number' ? `${e.details.status} ` : '';
    if (code) return `${status}${code}: ${HINTS[code] ?? (typeof e.details?.remoteError === 'string' ? e.details.remoteError : e.userMessage)}`;
    return `${status}${e.userMessage}`.trim();
  }
  // A zod failure: the server answered, but not with Misskey's shape.
  return 'Unexpected response from the instance';
}
