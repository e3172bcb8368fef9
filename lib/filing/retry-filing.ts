/**
 * A person takes a filing back from a problem: after a transient give-up, a rejection at a later step, or an
 * uncertain submit/upload they checked in the CyberTipline account. Clearing the step's mark is their decision
 * (an uncertain submit sent again may make a second report; an upload, a second copy of the file).
 */
import { z } from 'zod';
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/audit/actor';
import { recordEvent } from '@/lib/audit/record-event';
import { AppError } from '@/lib/errors';
import { enqueueFilingRun } from '@/lib/jobs/enqueue';
import { filingView } from './filing-view';
import type { FilingView } from './types';
import { loadFilingForChange } from './load-filing-for-change';

const input = z.object({ filingId: z.uuid() });
const STEP_OF: Record<string, string> = { pending: 'submit', submitted: 'upload', files_uploaded: 'file_info', file_info_sent: 'finish' };

export async function retryFiling({ ctx, input: raw }: { ctx: Ctx; input: { filingId: string } }): Promise<FilingView> {
  const parsed = input.safeParse(raw);
  if (!parsed.success) throw new AppError('bad_request', 'retryFiling: invalid input', { userMessage: 'That filing does not exist.' });
  const f = await loadFilingForChange(ctx.actor, parsed.data.filingId);
  const step = STEP_OF[f.state];
  if (!step) throw new AppError('conflict', `filing ${f.id} is ${f.state}`, { userMessage: `This filing is ${f.state}: there is nothing to retry.` });
  if (!f.problem) throw new AppError('conflict', `filing ${f.id} has no problem`, { userMessage: 'This filing is not stopped: it is still being sent.' });
  if (f.problem === 'rejected' && f.state === 'pending') {
    throw new AppError('bad_request', `filing ${f.id} rejected at submit`, { userMessage: 'Review the report and file it again' });
  }
  const uploadMarks = f.files.filter((x) => x.uploadStartedAt && !x.fileId).map((x) => x.id);
  const updated = await db.$transaction(async (tx) => {
    const r = await tx.filing.updateMany({
      where: { id: f.id, problem: f.problem, state: f.state },
      data: { problem: null, lastError: null, attempts: 0, nextAttemptAt: null, ...(f.state === 'pending' ? { submitStartedAt: null } : {}) },
    });
    if (r.count === 0) throw new AppError('conflict', `filing ${f.id} changed`, { userMessage: 'The filing changed meanwhile: reload and try again.' });
    if (f.state === 'submitted' && uploadMarks.length) await tx.filingFile.updateMany({ where: { id: { in: uploadMarks } }, data: { uploadStartedAt: null } });
    await recordEvent(tx, {
      actor: ctx.actor, action: 'filing.retried', targetType: 'case', targetId: f.caseId,
      details: { filingId: f.id, step, problem: f.problem, ...(f.problem === 'uncertain' ? { confirmedChecked: true } : {}) },
    });
    return tx.filing.findUniqueOrThrow({ where: { id: f.id }, include: { files: true } });
  });
  await enqueueFilingRun(f.id);
  return filingView(updated);
}
