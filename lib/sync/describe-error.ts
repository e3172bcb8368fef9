/**
 * One line about a failed write or read, safe to log and to keep as a SyncIssue reason. Prisma's messages embed
 * the query's values (a report's text, an account's name), so for database errors only the class and code are
 * kept; our own errors keep their code and user message (never remote text).
 */
import { isAppError } from '@/lib/errors';

function prop(e: object, key: string): unknown {
  return (e as Record<string, unknown>)[key];
}

export function describeError(e: unknown): string {
  if (isAppError(e)) return `${e.code}: ${e.userMessage}`.slice(0, 300);
  if (e instanceof Error) {
    const code = prop(e, 'code');
    const isDb = e.name.startsWith('Prisma') || e.name === 'DriverAdapterError' || prop(e, 'clientVersion') !== undefined;
    if (isDb) {
      const cause = prop(e, 'cause');
      const original = cause && typeof cause === 'object' ? prop(cause, 'originalCode') ?? prop(cause, 'kind') : undefined;
      return `database error ${e.name}${typeof code === 'string' ? ` ${code}` : ''}${typeof original === 'string' ? ` (${original})` : ''}`;
    }
    const first = e.message.split('\n', 1)[0].slice(0, 160);
    return `${e.name}: ${first}`;
  }
  return 'unexpected error';
}
