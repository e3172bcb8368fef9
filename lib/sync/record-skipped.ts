import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import type { SkippedItem } from '@/lib/connectors/types';
import { logger } from '@/lib/log/logger';
import { cleanText } from './clean-remote-report';
import { describeError } from './describe-error';

const log = logger('sync');

/**
 * A malformed remote item is logged and kept with its parse error (trimmed), never silently dropped. The same
 * item failing the same way on every sync (every 5 minutes) is recorded once, so the list stays readable.
 * Recording never fails the sync: the raw item is stored without NUL (jsonb rejects \u0000), and a failed insert
 * is logged in one line.
 */
export async function recordSkipped(instanceId: string, items: SkippedItem[]): Promise<void> {
  for (const item of items) {
    const error = cleanText(item.error, 2000);
    const remoteId = item.remoteId === null ? null : cleanText(item.remoteId, 400);
    try {
      if (remoteId && (await db.syncIssue.findFirst({ where: { instanceId, remoteId, error }, select: { id: true } }))) continue;
      log.warn('skipped malformed item', { instanceId, remoteId, error: error.slice(0, 300) });
      await db.syncIssue.create({ data: { instanceId, remoteId, error, raw: rawJson(item.raw) } });
    } catch (e) {
      log.error('could not record a skipped item', { instanceId, remoteId, error: describeError(e) });
    }
  }
}

function rawJson(raw: unknown): object | typeof Prisma.DbNull {
  if (raw === null || raw === undefined) return Prisma.DbNull;
  let text: string;
  try {
    text = (JSON.stringify(raw ?? null) ?? 'null').replace(/\\u0000/g, '');
  } catch {
    return { unserializable: true };
  }
  if (text.length > 20_000) return { truncated: text.slice(0, 20_000) };
  const parsed: unknown = JSON.parse(text);
  return parsed !== null && typeof parsed === 'object' ? parsed : { value: parsed };
}
