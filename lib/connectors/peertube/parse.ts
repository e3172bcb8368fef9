/** Strict parsing of single remote entities: a malformed one is a remote_error with the zod issues. */
import type { z } from 'zod';
import { AppError } from '../../errors';
import { formatIssues } from '../mastodon/parse-remote';

export function parseRemote<T extends z.ZodType>(schema: T, data: unknown, entity: string): z.output<T> {
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const error = formatIssues(parsed.error);
    throw new AppError('remote_error', `PeerTube returned a malformed ${entity}: ${error}`, {
      userMessage: `The instance returned a ${entity} this dashboard cannot read.`,
      details: { parseError: error },
    });
  }
  return parsed.data;
}
