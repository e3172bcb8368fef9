/**
 * Subscribes to a list by URL (fetched at once through the job queue, then on its schedule) or takes an uploaded
 * file (read at once). Moderators and up; exempting a local test host from the address policy is for owners only.
 */
import { z } from 'zod';
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/audit/actor';
import { actorId } from '@/lib/audit/actor';
import { recordEvent } from '@/lib/audit/record-event';
import { assertAllowed, canAllowPrivate, hasRole } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';
import { enqueueBlocklistFetch } from '@/lib/jobs/enqueue';
import { logger } from '@/lib/log/logger';
import { ingestSourceText } from './ingest-source-text';
import { badInput, MAX_LIST_BYTES, parseOr, parseSourceUrl, refreshMinutes, sourceFormat, sourceName } from './source-fields';

const log = logger('blocklists');

export const addSourceInput = z.object({
  name: z.string().optional(),
  url: z.string().max(2000, 'The list URL is too long.').optional(),
  upload: z.object({ filename: z.string().max(255, 'The file name is too long.'), text: z.string() }).optional(),
  format: sourceFormat.default('auto'),
  trusted: z.boolean().default(false),
  allowPrivate: z.boolean().default(false),
  refreshMinutes: refreshMinutes.default(60),
});
export type AddSourceInput = z.input<typeof addSourceInput>;

export async function addSource({ ctx, input }: { ctx: Ctx; input: AddSourceInput }): Promise<{ id: string }> {
  assertAllowed(hasRole(ctx.actor, 'moderator'), 'blocklist.source.add');
  const data = parseOr(addSourceInput, input, 'source');
  const url = data.url?.trim() ? parseSourceUrl(data.url) : null;
  if ((url === null) === (data.upload === undefined)) throw badInput('source needs url xor upload', 'Give either a list URL or a file, not both.');
  if (data.allowPrivate && url) assertAllowed(canAllowPrivate(ctx.actor), 'blocklist.source.allow_private');
  if (data.upload && Buffer.byteLength(data.upload.text) > MAX_LIST_BYTES) {
    throw new AppError('too_large', 'blocklist upload too large', { userMessage: 'The list is larger than 10 MB.' });
  }
  const name = parseOr(sourceName, data.name?.trim() || (url ? new URL(url).host : data.upload?.filename.trim()), 'name');
  if (url && (await db.blocklistSource.findFirst({ where: { url }, select: { id: true } }))) {
    throw new AppError('conflict', 'blocklist source url exists', { userMessage: 'That list is already a source.' });
  }
  const fields = { name, url, format: data.format, trusted: data.trusted, allowPrivate: url ? data.allowPrivate : false, refreshMinutes: data.refreshMinutes };
  const created = await db.$transaction(async (tx) => {
    const row = await tx.blocklistSource.create({ data: { ...fields, createdById: actorId(ctx.actor) }, select: { id: true } });
    await recordEvent(tx, {
      actor: ctx.actor, action: 'blocklist.source.added', targetType: 'blocklist_source', targetId: row.id,
      details: { ...fields, upload: data.upload ? { filename: data.upload.filename, bytes: Buffer.byteLength(data.upload.text) } : null },
    });
    return row;
  });
  if (data.upload) {
    await ingestSourceText(created.id, data.upload.text, { actor: ctx.actor });
  } else {
    // nextFetchAt is null, so the scheduler tick fetches it anyway if this wake-up is lost.
    await enqueueBlocklistFetch(created.id).catch((e: unknown) => log.warn('first blocklist fetch not queued', { sourceId: created.id, error: e instanceof Error ? e.message : String(e) }));
  }
  return created;
}
