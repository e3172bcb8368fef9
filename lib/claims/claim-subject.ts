/**
 * Takes or renews a soft claim ("I am working on this"), or reports who already holds it. One conditional upsert
 * decides: the row is written only when it is free, expired or already the caller's, so two moderators opening the
 * same report at the same moment end with exactly one holder (the loser's ON CONFLICT sees the winner's row and
 * its WHERE refuses). Claims are presence, not decisions: not audited. Viewers only read.
 */
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/audit/actor';
import { hasRole } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';
import { claimSubjectSchema } from './claim-input';
import { staffLabeler } from '@/lib/team/staff-labeler';
import { claimLabel, toClaimView } from './claim-view';
import { assertSubjectVisible } from '@/lib/notes/subject';
import { CLAIM_TTL_MS, type ClaimView } from './types';

export async function claimSubject({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<{ claim: ClaimView | null }> {
  const parsed = claimSubjectSchema.safeParse(input);
  if (!parsed.success) throw new AppError('bad_request', 'invalid claim subject', { userMessage: parsed.error.issues[0]?.message ?? 'Invalid claim.' });
  const s = parsed.data;
  const { actor } = ctx;
  // A claim is itself information about the subject: only those who may see the report or case claim it or learn
  // who holds it (the same check as notes, tags and escalations).
  await assertSubjectVisible(db, actor, s.subjectType, s.subjectKey);
  const where = { subjectType_subjectKey: { subjectType: s.subjectType, subjectKey: s.subjectKey } };
  const live = async () => {
    const row = await db.softClaim.findUnique({ where });
    if (!row || row.expiresAt.getTime() <= Date.now()) return { claim: null };
    const label = await staffLabeler(actor, [row.userId]);
    return { claim: toClaimView(actor, row, label(row.userId, row.userLabel)) };
  };
  if (actor.type !== 'user' || !hasRole(actor, 'moderator')) return live();

  const user = await db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { name: true, email: true } });
  const now = new Date();
  // The columns are timestamp(3) without time zone holding UTC (Prisma's convention), hence the ISO text casts.
  const nowText = now.toISOString();
  const until = new Date(now.getTime() + CLAIM_TTL_MS).toISOString();
  await db.$executeRaw`
    insert into "SoftClaim" ("subjectType", "subjectKey", "userId", "userLabel", "claimedAt", "expiresAt")
    values (${s.subjectType}, ${s.subjectKey}, ${actor.id}::uuid, ${claimLabel(user)}, ${nowText}::timestamp, ${until}::timestamp)
    on conflict ("subjectType", "subjectKey") do update set
      "userId" = excluded."userId",
      "userLabel" = excluded."userLabel",
      "claimedAt" = case when "SoftClaim"."userId" = excluded."userId" and "SoftClaim"."expiresAt" > ${nowText}::timestamp
                         then "SoftClaim"."claimedAt" else excluded."claimedAt" end,
      "expiresAt" = excluded."expiresAt"
    where "SoftClaim"."userId" = excluded."userId" or "SoftClaim"."expiresAt" <= ${nowText}::timestamp`;
  return live();
}
