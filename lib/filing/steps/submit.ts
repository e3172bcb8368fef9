/**
 * Step 1 (pending → submitted): POST /submit, the one call that must never be repeated (a second call is a
 * second report). The mark goes in before the call and stays when the outcome is unknown, so a resumed driver
 * stops at "uncertain" and a person checks the CyberTipline account before anything is sent again.
 */
import { classifyFailure } from '../classify-failure';
import { markFiling, recordFiling, recordProblem } from '../record-filing';
import { LeaseLost, type StepContext, type StepOutcome } from './step-context';
import { db } from '@/lib/db';

export const UNCERTAIN_SUBMIT = 'A submit may have reached CyberTipline without an answer: check the CyberTipline account for a report of this case before submitting again';

export async function submitStep({ filing: f, token, client, now }: StepContext): Promise<StepOutcome> {
  if (f.submitStartedAt) return recordProblem(f, token, 'uncertain', UNCERTAIN_SUBMIT, { step: 'submit' });
  await markFiling(f.id, token, { state: 'pending', submitStartedAt: null, reportId: null }, { submitStartedAt: now() });
  let reportId: string;
  try {
    reportId = (await client.submit(f.reportXml)).reportId;
  } catch (e) {
    const c = classifyFailure(e);
    if (c.kind === 'rejected') return recordProblem(f, token, 'rejected', c.description, { step: 'submit' }, { submitStartedAt: null });
    if (c.kind === 'maybe_applied') return recordProblem(f, token, 'uncertain', `${UNCERTAIN_SUBMIT}. (${c.text})`, { step: 'submit' });
    // Refused before anything was done: the mark goes, the driver retries after a pause.
    await db.filing.updateMany({ where: { id: f.id, leaseToken: token }, data: { submitStartedAt: null } });
    return { transient: c.text, retryAt: c.retryAt };
  }
  // The answer is a fact whoever holds the lease now: it also clears an "uncertain" another driver may have set.
  const wrote = await recordFiling(f, { state: 'pending', reportId: null }, {
    state: 'submitted', reportId, submittedAt: now(), submitStartedAt: null, problem: null, lastError: null, attempts: 0, nextAttemptAt: null,
  }, { action: 'filing.submitted', details: { reportId } });
  if (!wrote) throw new LeaseLost();
  return 'advanced';
}
