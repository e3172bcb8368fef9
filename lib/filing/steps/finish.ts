/**
 * Step 4 (file_info_sent → finished): POST /finish. A finish whose earlier call landed without an answer is
 * answered by an error on the repeat; only words saying the report is already finished count as done (the fake
 * answers "Report N is finished and cannot be changed"), anything else is a rejection a person reads.
 */
import { isAppError } from '@/lib/errors';
import { classifyFailure } from '../classify-failure';
import { recordFiling, recordProblem } from '../record-filing';
import { LeaseLost, type StepContext, type StepOutcome } from './step-context';

const ALREADY_FINISHED = /\b(is|was|already)\s+(already\s+)?finished\b/i;

export async function finishStep({ filing: f, token, client, now }: StepContext): Promise<StepOutcome> {
  const reportId = f.reportId;
  if (!reportId) return recordProblem(f, token, 'failed', 'The filing has no CyberTipline report id', { step: 'finish' });
  let alreadyFinished = false;
  try {
    await client.finish(reportId);
  } catch (e) {
    const c = classifyFailure(e);
    if (c.kind === 'rejected' && isAppError(e) && ALREADY_FINISHED.test(e.userMessage)) alreadyFinished = true;
    else if (c.kind === 'rejected') return recordProblem(f, token, 'rejected', c.description, { step: 'finish' });
    else return { transient: c.text, retryAt: c.kind === 'transient' ? c.retryAt : null };
  }
  const wrote = await recordFiling(f, { state: 'file_info_sent' }, { state: 'finished', finishedAt: now(), attempts: 0, nextAttemptAt: null, lastError: null, problem: null }, {
    action: 'filing.finished', details: { reportId, ...(alreadyFinished ? { alreadyFinished: true } : {}) },
  });
  if (!wrote) throw new LeaseLost();
  return 'advanced';
}
