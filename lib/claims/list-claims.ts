/** The live claims on a list of subjects, for a page that shows several; subjects the actor cannot see are left out. */
import { z } from 'zod';
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/audit/actor';
import { visibleInstanceIds } from '@/lib/auth/policy';
import { visibleCaseWhere } from '@/lib/cases/case-access';
import { AppError } from '@/lib/errors';
import { staffLabeler } from '@/lib/team/staff-labeler';
import { claimSubjectType } from './claim-input';
import { toClaimView } from './claim-view';
import type { ClaimView } from './types';

const schema = z.object({
  subjectType: claimSubjectType,
  keys: z.array(z.uuid({ error: 'Every key must be a report or case id.' })).max(200, 'Ask for at most 200 claims at once.'),
}).strict();

export async function listClaims({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<{ claims: Record<string, ClaimView> }> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new AppError('bad_request', 'invalid claims query', { userMessage: parsed.error.issues[0]?.message ?? 'Invalid query.' });
  const { subjectType } = parsed.data;
  const keys = [...new Set(parsed.data.keys)];
  if (keys.length === 0) return { claims: {} };
  const ids = visibleInstanceIds(ctx.actor);
  const visible = subjectType === 'report'
    ? await db.report.findMany({ where: { id: { in: keys }, ...(ids === null ? {} : { instanceId: { in: ids } }) }, select: { id: true } })
    : await db.case.findMany({ where: { id: { in: keys }, ...visibleCaseWhere(ctx.actor) }, select: { id: true } });
  const rows = await db.softClaim.findMany({ where: { subjectType, subjectKey: { in: visible.map((v) => v.id) }, expiresAt: { gt: new Date() } } });
  const label = await staffLabeler(ctx.actor, rows.map((r) => r.userId));
  return { claims: Object.fromEntries(rows.map((r) => [r.subjectKey, toClaimView(ctx.actor, r, label(r.userId, r.userLabel))])) };
}
