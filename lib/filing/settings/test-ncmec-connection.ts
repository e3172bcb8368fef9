/**
 * "Test connection": GET /status with the saved settings. The answer is in plain words (CyberTipline's own
 * description, or ours), never the credentials; every test that reaches out is audited (settings.ncmec.tested).
 */
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/audit/actor';
import { recordEvent } from '@/lib/audit/record-event';
import { assertAllowed, hasRole } from '@/lib/auth/policy';
import { isAppError } from '@/lib/errors';
import type { NcmecTestResult } from '@/lib/filing/types';
import { loadNcmecCredentials, ncmecClientFor } from './ncmec-connection';
import { NCMEC_SETTINGS_KEY } from './ncmec-stored';

export async function testNcmecConnection({ ctx }: { ctx: Ctx }): Promise<NcmecTestResult> {
  assertAllowed(hasRole(ctx.actor, 'admin'), 'settings.ncmec.test');
  const loaded = await loadNcmecCredentials();
  if (!loaded) return { ok: false, detail: 'No username and password are saved yet: enter them and save first.', checkedAt: new Date().toISOString() };
  const { settings, credentials } = loaded;
  const client = ncmecClientFor({ ...settings, ...credentials });
  let result: { ok: boolean; detail: string };
  try {
    const answer = await client.status();
    result = { ok: true, detail: `CyberTipline answered (responseCode ${answer.responseCode})` };
  } catch (e) {
    result = { ok: false, detail: failureWords(e) };
  }
  await db.$transaction((tx) => recordEvent(tx, {
    actor: ctx.actor, action: 'settings.ncmec.tested', targetType: 'setting', targetId: NCMEC_SETTINGS_KEY, details: { ok: result.ok },
  }));
  return { ...result, checkedAt: new Date().toISOString() };
}

function failureWords(e: unknown): string {
  if (!isAppError(e)) return 'CyberTipline could not be reached.';
  // The shared transport speaks of "the instance"; here the other side is CyberTipline.
  if (e.code === 'remote_unreachable') {
    return /in time/.test(e.userMessage) ? 'CyberTipline did not answer in time.' : 'CyberTipline could not be reached at the saved address.';
  }
  return e.userMessage;
}
