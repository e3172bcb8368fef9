/** The allowlist, by domain; anyone signed in may read it. */
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/audit/actor';
import { assertAllowed, hasRole } from '@/lib/auth/policy';
import type { AllowView } from '@/lib/blocklists/types';

export async function listAllow({ ctx }: { ctx: Ctx }): Promise<AllowView[]> {
  assertAllowed(hasRole(ctx.actor, 'viewer'), 'blocklist.allow.list');
  const rows = await db.blocklistAllow.findMany({ orderBy: { domain: 'asc' } });
  return rows.map((r) => ({ domain: r.domain, comment: r.comment, createdAt: r.createdAt.toISOString() }));
}
