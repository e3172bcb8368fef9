/**
 * "Send test": sends a hold.placed-shaped payload marked `"test": true` to the hook now, synchronously, and says
 * in plain words what happened. No delivery row (nothing to retry) and the hook's last status is untouched, so a
 * test never hides how real notifications are faring. Admins.
 */
import { randomUUID } from 'node:crypto';
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/audit/actor';
import { assertAllowed, hasRole } from '@/lib/auth/policy';
import { appUrl } from '@/lib/env';
import { isAppError } from '@/lib/errors';
import { openHookSecret } from './hook-secret';
import { hookNotFound } from './hook-view';
import { sendNotification, type SendOptions, type SentPayload } from './send-notification';

export async function testHook({ ctx, input, opts }: { ctx: Ctx; input: { id: string }; opts?: SendOptions }): Promise<{ ok: boolean; detail: string }> {
  assertAllowed(hasRole(ctx.actor, 'admin'), 'notify.hooks.test');
  const hook = await db.notifyHook.findUnique({ where: { id: input.id } });
  if (!hook) throw hookNotFound();
  const secret = await openHookSecret(hook.secretSealed, hook.url);
  if (secret === null) return { ok: false, detail: 'The stored secret does not open: enter it again and save.' };
  try {
    const { status } = await sendNotification({ ...hook, secret }, testPayload(), `test-${randomUUID()}`, opts);
    return { ok: true, detail: `The receiver accepted the test (HTTP ${status}).` };
  } catch (e) {
    return { ok: false, detail: isAppError(e) ? e.userMessage.replace(/the instance/i, 'the receiver') : 'The test could not be sent.' };
  }
}

export function testPayload(now = new Date()): SentPayload {
  return {
    event: 'hold.placed', test: true,
    summary: 'Test from Fedimod: held on Example: bank match, severity 5 (test) — rule Example rule',
    holdId: '00000000-0000-4000-8000-000000000000', ruleName: 'Example rule', instanceName: 'Example',
    url: `${appUrl().replace(/\/+$/, '')}/safety`, severity: 5, label: 'test', step: 'Marked the post sensitive',
    dueAt: new Date(now.getTime() + 60 * 60_000).toISOString(), at: now.toISOString(),
  };
}
