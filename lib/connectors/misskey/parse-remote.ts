/** Helpers for treating remote values as hostile: strict parsing of single entities, ids of broken items. */
import type { z } from 'zod';
import { AppError } from '../../errors';

export function parseRemote<T extends z.ZodType>(schema: T, data: unknown, entity: string): z.output<T> {
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const error = formatIssues(parsed.error);
    throw new AppError('remote_error', `Misskey returned a malformed ${entity}: ${error}`, {
      userMessage: `The instance returned a ${entity} this dashboard cannot read.`,
      details: { parseError: error },
    });
  }
  return parsed.data;
}

export function formatIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`)
    .join('; ')
    .slice(0, 500);
}

/** Ids go into request bodies and cursors; only id-like values pass. */
export function safeId(id: string): string {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) {
    throw new AppError('bad_request', 'Invalid remote id', { userMessage: 'That remote id is not valid.' });
  }
  return id;
}

export function rawId(raw: unknown): string | null {
  if (!raw || typeof raw !== 'object') return null;
  const id = (raw as Record<string, unknown>).id;
  return typeof id === 'string' ? id.slice(0, 64) : null;
}
