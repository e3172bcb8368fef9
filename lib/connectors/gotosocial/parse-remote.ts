/** Strict parsing of one remote GoToSocial entity; the Mastodon helpers supply issue formatting and safe ids. */
import type { z } from 'zod';
import { AppError } from '../../errors';
import { formatIssues } from '../mastodon/parse-remote';

export { formatIssues, rawId, safeId } from '../mastodon/parse-remote';

export function parseRemote<T extends z.ZodType>(schema: T, data: unknown, entity: string): z.output<T> {
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const error = formatIssues(parsed.error);
    throw new AppError('remote_error', `GoToSocial returned a malformed ${entity}: ${error}`, {
      userMessage: `The instance returned a ${entity} this dashboard cannot read.`,
      details: { parseError: error },
    });
  }
  return parsed.data;
}
