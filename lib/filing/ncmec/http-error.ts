/**
 * Maps a final non-2xx ISPWS answer to an AppError. ISPWS usually answers errors with a `<reportResponse>`
 * carrying a code and description, which is what the user needs to fix a rejected report; an auth refusal gets
 * its own message because the fix is in settings, not in the report.
 */
import { AppError, isAppError } from '@/lib/errors';
import type { RemoteAnswer } from '@/lib/connectors/shared/remote-http';
import { redactSecrets } from '@/lib/connectors/shared/remote-http';
import { parseNcmecResponse } from './parse-response';

export function ncmecHttpError(answer: RemoteAnswer, label: string, retryAt: string | null, secrets: readonly string[]): AppError {
  const where = `CyberTipline ${label}: HTTP ${answer.status}`;
  if (answer.status === 401 || answer.status === 403) {
    return new AppError('remote_error', where, {
      userMessage: 'CyberTipline refused the username or password. Check the NCMEC settings.',
      details: { httpStatus: answer.status },
    });
  }
  if (answer.status === 429) {
    return new AppError('rate_limited', where, { userMessage: 'CyberTipline asked us to slow down. The filing will retry.', details: { retryAt } });
  }
  const coded = codedError(redactSecrets(answer.text, secrets), label);
  if (coded) return coded;
  return new AppError('remote_error', where, { userMessage: `CyberTipline answered HTTP ${answer.status}.`, details: { httpStatus: answer.status } });
}

/** The error a `<reportResponse>` body describes, if the body is one with a nonzero code. */
function codedError(text: string, label: string): AppError | null {
  try {
    parseNcmecResponse(text, label);
    return null;
  } catch (e) {
    return isAppError(e) && typeof e.details?.responseCode === 'number' ? e : null;
  }
}
