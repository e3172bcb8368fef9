/** Takes a domain off the allowlist (moderators and up); lists may block it again from the next preview. */
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/audit/actor';
import { recordEvent } from '@/lib/audit/record-event';
import { assertAllowed, hasRole } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';
import { parseAllowDomain } from './allow-domain';

export async function removeAllow({ ctx, input }: { ctx: Ctx; input: { domain: string } }): Promise<{ domain: string }> {
  assertAllowed(hasRole(ctx.actor, 'moderator'), 'blocklist.allow.remove');
  const domain = parseAllowDomain(input.domain);
  return db.$transaction(async (tx) => {
    const row = await tx.blocklistAllow.findUnique({ where: { domain } });
    if (!row) throw new AppError('not_found', 'allow domain not found', { userMessage: `${domain} is not on the allowlist.` });
    await tx.blocklistAllow.delete({ where: { domain } });
    await recordEvent(tx, { actor: ctx.actor, action: 'blocklist.allow.removed', targetType: 'domain', targetId: domain, details: { comment: row.comment } });
    return { domain };
  });
}
