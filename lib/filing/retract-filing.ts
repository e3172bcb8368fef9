/**
 * Retracts an unfinished CyberTipline report (POST /retract). Only before /finish: a finished report belongs to
 * NCMEC. Taken under the filing's lease, so a driver cannot upload into a report being retracted.
 */
import { z } from 'zod';
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/audit/actor';
import { recordEvent } from '@/lib/audit/record-event';
import { AppError } from '@/lib/errors';
import type { NcmecClient } from './ncmec/client';
import { ncmecClientFor, requireNcmecConnection } from './settings/ncmec-connection';
import { claimFiling, releaseFiling } from './claim-filing';
import { classifyFailure, failureWords } from './classify-failure';
import { filingView } from './filing-view';
import { loadFilingForChange } from './load-filing-for-change';
import type { FilingView } from './types';

const input = z.object({ filingId: z.uuid() });
const RETRACTABLE = new Set(['submitted', 'files_uploaded', 'file_info_sent']);
/** A retract whose earlier call landed without an answer is refused on the repeat with words like these. */
const ALREADY_RETRACTED = /\b(is|was|already)\s+(already\s+)?retracted\b/i;

export async function retractFiling({ ctx, input: raw }: { ctx: Ctx; input: { filingId: string } }, opts: { client?: NcmecClient; now?: () => Date } = {}): Promise<FilingView> {
  const parsed = input.safeParse(raw);
  if (!parsed.success) throw new AppError('bad_request', 'retractFiling: invalid input', { userMessage: 'That filing does not exist.' });
  const f = await loadFilingForChange(ctx.actor, parsed.data.filingId);
  if (f.state === 'finished') throw new AppError('conflict', `filing ${f.id} finished`, { userMessage: 'A finished report cannot be retracted: contact NCMEC' });
  if (f.state === 'retracted') throw new AppError('conflict', `filing ${f.id} retracted`, { userMessage: 'This report is already retracted.' });
  const reportId = f.reportId;
  if (!reportId || !RETRACTABLE.has(f.state)) {
    throw new AppError('conflict', `filing ${f.id} has no report`, { userMessage: 'There is no CyberTipline report to retract yet.' });
  }
  const now = opts.now ?? (() => new Date());
  const token = await claimFiling(f.id, now(), 60_000, { withProblem: true });
  if (!token) throw new AppError('conflict', `filing ${f.id} busy`, { userMessage: 'The filing is being sent right now: try again in a moment' });
  try {
    const client = opts.client ?? ncmecClientFor(await requireNcmecConnection());
    try {
      await client.retract(reportId);
    } catch (e) {
      const c = classifyFailure(e);
      if (!(c.kind === 'rejected' && ALREADY_RETRACTED.test(c.description))) {
        throw new AppError('remote_error', `filing ${f.id}: retract failed`, { userMessage: `CyberTipline did not retract the report: ${failureWords(e)}` });
      }
    }
    const updated = await db.$transaction(async (tx) => {
      await tx.filing.updateMany({
        where: { id: f.id, leaseToken: token },
        data: { state: 'retracted', retractedAt: now(), problem: null, lastError: null, nextAttemptAt: null, submitStartedAt: null },
      });
      await recordEvent(tx, { actor: ctx.actor, action: 'filing.retracted', targetType: 'case', targetId: f.caseId, details: { filingId: f.id, reportId } });
      return tx.filing.findUniqueOrThrow({ where: { id: f.id }, include: { files: true } });
    });
    return filingView(updated);
  } finally {
    await releaseFiling(f.id, token);
  }
}
