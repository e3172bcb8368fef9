/** Puts a domain (and its subdomains) out of every list's reach; moderators and up, audited. */
import { z } from 'zod';
import { db } from '@/lib/db';
import { actorId, type Ctx } from '@/lib/audit/actor';
import { recordEvent } from '@/lib/audit/record-event';
import { assertAllowed, hasRole } from '@/lib/auth/policy';
import { parseOr } from '@/lib/blocklists/sources/source-fields';
import type { AllowView } from '@/lib/blocklists/types';
import { AppError } from '@/lib/errors';
import { parseAllowDomain } from './allow-domain';

const comment = z.string().trim().max(500, 'Keep the comment under 500 characters.').default('');

export async function addAllow({ ctx, input }: { ctx: Ctx; input: { domain: string; comment?: string } }): Promise<AllowView> {
  assertAllowed(hasRole(ctx.actor, 'moderator'), 'blocklist.allow.add');
  const domain = parseAllowDomain(input.domain);
  const note = parseOr(comment, input.comment, 'comment');
  return db.$transaction(async (tx) => {
    if (await tx.blocklistAllow.findUnique({ where: { domain }, select: { domain: true } })) {
      throw new AppError('conflict', 'allow domain exists', { userMessage: `${domain} is already on the allowlist.` });
    }
    const row = await tx.blocklistAllow.create({ data: { domain, comment: note, createdById: actorId(ctx.actor) } });
    await recordEvent(tx, { actor: ctx.actor, action: 'blocklist.allow.added', targetType: 'domain', targetId: domain, details: { comment: note } });
    return { domain: row.domain, comment: row.comment, createdAt: row.createdAt.toISOString() };
  });
}
