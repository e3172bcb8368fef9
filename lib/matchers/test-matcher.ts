/**
 * "Test connection": the adapter's cheap call (HMA /status, the cloud service's /v1/status), with the matcher's
 * timeout. It bypasses the circuit breaker on purpose: an admin checking a fixed service must reach it.
 */
import type { Ctx } from '@/lib/audit/actor';
import { assertAllowed, hasRole } from '@/lib/auth/policy';
import type { FetchLike } from '@/lib/connectors/types';
import { db } from '@/lib/db';
import { AppError, isAppError } from '@/lib/errors';
import { adapterFor } from './adapter-for';

export async function testMatcher({ ctx, input }: { ctx: Ctx; input: { id: string; fetch?: FetchLike } }): Promise<{ ok: boolean; detail: string }> {
  assertAllowed(hasRole(ctx.actor, 'admin'), 'matchers.test');
  const row = await db.outsideMatcher.findUnique({ where: { id: input.id } });
  if (!row) throw new AppError('not_found', `matcher ${input.id} not found`, { userMessage: 'That matcher no longer exists.' });
  try {
    const adapter = await adapterFor(row, { fetch: input.fetch });
    const result = await adapter.check();
    if (result.ok) await db.outsideMatcher.update({ where: { id: row.id }, data: { lastOkAt: new Date() } });
    return result;
  } catch (e) {
    if (isAppError(e)) return { ok: false, detail: e.userMessage };
    throw e;
  }
}
