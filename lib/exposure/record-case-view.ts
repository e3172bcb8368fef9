/**
 * A case page was viewed: one exposure with the case's severity and label. Reloads and returning to the same case
 * within 30 minutes are one viewing, not many. People only (the CLI and jobs are not shown anything).
 */
import crypto from 'node:crypto';
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/audit/actor';

const DEDUPE_MS = 30 * 60 * 1000;

export async function recordCaseView({ ctx, input }: { ctx: Ctx; input: { caseId: string } }): Promise<boolean> {
  if (ctx.actor.type !== 'user') return false;
  const userId = ctx.actor.id;
  const [recent, kase] = await Promise.all([
    db.exposureEvent.findFirst({ where: { userId, kind: 'case_view', caseId: input.caseId, startedAt: { gt: new Date(Date.now() - DEDUPE_MS) } }, select: { id: true } }),
    db.case.findUnique({ where: { id: input.caseId }, select: { severity: true, label: true } }),
  ]);
  if (recent || !kase) return false;
  await db.exposureEvent.create({ data: { id: crypto.randomUUID(), userId, kind: 'case_view', caseId: input.caseId, severity: kase.severity, label: kase.label } });
  return true;
}
