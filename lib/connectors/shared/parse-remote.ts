/** Treating remote values as hostile, for every connector: strict parsing of one entity, issue text, safe ids. */
import type { z } from 'zod';
import { AppError } from '../../errors';
import { SAFE_ID } from './remote-schemas';

export type RemoteParser = <T extends z.ZodType>(schema: T, data: unknown, entity: string) => z.output<T>;

/** A parser whose errors name the server ("Akkoma returned a malformed report: …"). */
export function remoteParser(server: string): RemoteParser {
  return (schema, data, entity) => {
    const parsed = schema.safeParse(data);
    if (!parsed.success) {
      const error = formatIssues(parsed.error);
      throw new AppError('remote_error', `${server} returned a malformed ${entity}: ${error}`, {
        userMessage: `The instance returned a ${entity} this dashboard cannot read.`,
        details: { parseError: error },
      });
    }
    return parsed.data;
  };
}

export function formatIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`)
    .join('; ')
    .slice(0, 500);
}

/** Ids go into URL paths and bodies, so only id-like values pass: the same rule the list schemas apply (SAFE_ID). */
export function safeId(id: string): string {
  if (!SAFE_ID.test(id)) {
    throw new AppError('bad_request', 'Invalid remote id', { userMessage: 'That remote id is not valid.' });
  }
  return id;
}

/** Best-effort id of an item that failed to parse, for the skipped list. */
export function rawId(raw: unknown): string | null {
  if (!raw || typeof raw !== 'object') return null;
  const id = (raw as Record<string, unknown>).id;
  return typeof id === 'string' || typeof id === 'number' ? String(id).slice(0, 64) : null;
}
