/**
 * Opaque keyset cursors: base64url JSON of the last row's sort key. Opaque so clients cannot depend on the
 * layout; validated on the way back in because it comes from the browser.
 */
import { z } from 'zod';
import { AppError } from '@/lib/errors';
import type { QueueSort } from './types';

const cursorSchema = z.object({
  s: z.enum(['newest', 'oldest', 'priority']),
  t: z.iso.datetime(),
  i: z.uuid(),
  p: z.number().int().optional(),
});

export interface CursorKey {
  sort: QueueSort;
  remoteCreatedAt: Date;
  id: string;
  priority?: number;
}

export function encodeCursor(k: CursorKey): string {
  const body = { s: k.sort, t: k.remoteCreatedAt.toISOString(), i: k.id, ...(k.sort === 'priority' ? { p: k.priority ?? 0 } : {}) };
  return Buffer.from(JSON.stringify(body), 'utf8').toString('base64url');
}

export function decodeCursor(raw: string, sort: QueueSort): CursorKey {
  let parsed: z.infer<typeof cursorSchema>;
  try {
    parsed = cursorSchema.parse(JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')));
  } catch (e) {
    throw new AppError('bad_request', 'malformed queue cursor', { cause: e, userMessage: 'That page link is no longer valid. Reload the queue.' });
  }
  // A cursor from another sort order would skip or repeat rows silently.
  if (parsed.s !== sort || (sort === 'priority' && parsed.p === undefined)) {
    throw new AppError('bad_request', 'queue cursor does not match the sort order', { userMessage: 'That page link is no longer valid. Reload the queue.' });
  }
  return { sort: parsed.s, remoteCreatedAt: new Date(parsed.t), id: parsed.i, priority: parsed.p };
}
