/** Treating remote values as hostile: strict parsing of single entities, safe ids and nicknames. */
import type { z } from 'zod';
import { AppError } from '../../errors';
import { formatIssues } from '../mastodon/parse-remote';

export { formatIssues, rawId, safeId } from '../mastodon/parse-remote';

export function parseRemote<T extends z.ZodType>(schema: T, data: unknown, entity: string): z.output<T> {
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const error = formatIssues(parsed.error);
    throw new AppError('remote_error', `Akkoma returned a malformed ${entity}: ${error}`, {
      userMessage: `The instance returned a ${entity} this dashboard cannot read.`,
      details: { parseError: error },
    });
  }
  return parsed.data;
}

/** Nicknames go into JSON bodies, not paths, but a malformed one is still a caller bug worth stopping early. */
export function safeNickname(nickname: string): string {
  if (!/^[A-Za-z0-9_.-]{1,64}(@[A-Za-z0-9.-]{1,253})?$/.test(nickname)) {
    throw new AppError('bad_request', 'Invalid Akkoma nickname', { userMessage: 'That account nickname is not valid.' });
  }
  return nickname;
}
