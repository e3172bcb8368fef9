/**
 * A queue query string as a saved filter keeps it: checked with the queue's own schema (so a saved filter never
 * opens as an error), only the queue's filter keys, no cursor or limit (a filter is a view, not a page of it),
 * keys in a fixed order so two equal filters compare equal. Throws AppError bad_request when invalid.
 */
import { AppError } from '@/lib/errors';
import { queueInputSchema, searchParamsToRecord } from '@/lib/queue/queue-input';

const DROPPED = new Set(['cursor', 'limit']);
const KEYS = Object.keys(queueInputSchema.shape).filter((k) => !DROPPED.has(k)).sort();

export function normalizeQueueQuery(raw: string): string {
  const record = searchParamsToRecord(new URLSearchParams(raw.trim().replace(/^\?/, '')));
  const parsed = queueInputSchema.safeParse(record);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError('bad_request', 'invalid saved filter query', {
      userMessage: `This filter is not a valid queue filter${issue?.path.length ? ` (${issue.path.join('.')})` : ''}.`,
    });
  }
  const out = new URLSearchParams();
  for (const k of KEYS) if (record[k] !== undefined) out.set(k, record[k]);
  return out.toString();
}
