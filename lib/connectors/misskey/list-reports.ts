/**
 * Report listing over admin/abuse-user-reports: newest first, `untilId` cursor, `state` filter. Each report's
 * comment is scanned for links to local notes, which are fetched (notes/show) for their text and drive files.
 */
import { z } from 'zod';
import { AppError, isAppError } from '../../errors';
import type { ListReportsInput, RemoteReport, RemoteStatus, ReportPage, SkippedItem } from '../types';
import { noteSchema, reportSchema, type MisskeyReport } from './api-types';
import type { MisskeyClient } from './client';
import { mapNote, mapReport } from './mapper';
import { extractLocalNoteIds } from './note-links';
import { formatIssues, rawId, safeId } from './parse-remote';
import { keepReport, skipItem, writableOrThrow } from '../shared/report-items';

export const MAX_LIMIT = 100;
/** getReport pages through at most this many pages (GET_REPORT_PAGES × 100 reports) before giving up. */
export const GET_REPORT_PAGES = 10;

export async function listReports(client: MisskeyClient, input: ListReportsInput): Promise<ReportPage> {
  const limit = Math.min(MAX_LIMIT, Math.max(1, Math.trunc(input.limit ?? MAX_LIMIT)));
  const raw = await fetchPage(client, { limit, state: input.resolved ? 'resolved' : 'unresolved', untilId: input.cursor ?? undefined });
  const items: RemoteReport[] = [];
  const skipped: SkippedItem[] = [];
  // One item at a time, so a single malformed report is recorded and the rest of the page still lands.
  for (const item of raw) {
    const parsed = reportSchema.safeParse(item);
    if (!parsed.success) {
      skipped.push(skipItem(rawId(item), formatIssues(parsed.error), item));
      continue;
    }
    try {
      keepReport({ items, skipped }, await withNotes(client, parsed.data), item);
    } catch (e) {
      // A note the server fails to serve (5xx, garbage error) skips this report for now: imported without the note,
      // the sync would take the note for deleted. Rate limits and auth failures still stop the page.
      if (!isAppError(e) || e.code !== 'remote_error') throw e;
      // Only the status and the vetted code go in the reason: the server's message is remote text.
      const status = typeof e.details?.status === 'number' ? ` HTTP ${e.details.status}` : '';
      const code = typeof e.details?.code === 'string' ? ` ${e.details.code}` : '';
      skipped.push(skipItem(parsed.data.id, `linked note unreadable:${status}${code}`.trim(), item));
    }
  }
  // A short page is the last one. The cursor is the oldest id seen, even if that item was skipped.
  const lastId = [...raw].reverse().map(rawId).find((id) => id !== null && /^[A-Za-z0-9_-]{1,64}$/.test(id)) ?? null;
  const next = raw.length >= limit ? lastId : null;
  // A server ignoring untilId would repeat the same cursor and loop a sync forever.
  return { items, skipped, next: next === input.cursor ? null : next };
}

/**
 * Misskey has no single-report endpoint, so this pages through every report (resolved or not, newest first)
 * until the id turns up. Bounded to GET_REPORT_PAGES pages: very old reports on a busy instance are not found.
 * Misskey ids sort by time, so paging stops as soon as the page has gone past the id.
 */
export async function getReport(client: MisskeyClient, remoteId: string): Promise<RemoteReport> {
  return writableOrThrow(await withNotes(client, await findReport(client, remoteId)), 'Misskey');
}

/** The report as Misskey sent it (parsed, without the linked notes): for actions that read a field first. */
export async function findReport(client: MisskeyClient, remoteId: string): Promise<MisskeyReport> {
  const id = safeId(remoteId);
  let untilId: string | undefined;
  for (let page = 0; page < GET_REPORT_PAGES; page++) {
    const raw = await fetchPage(client, { limit: MAX_LIMIT, untilId });
    const hit = raw.find((item) => rawId(item) === id);
    if (hit) {
      const parsed = reportSchema.safeParse(hit);
      if (!parsed.success) {
        throw new AppError('remote_error', `Misskey returned a malformed report: ${formatIssues(parsed.error)}`, {
          userMessage: 'The instance returned a report this dashboard cannot read.',
        });
      }
      return parsed.data;
    }
    const ids = raw.map(rawId).filter((x): x is string => x !== null);
    const oldest = ids[ids.length - 1];
    if (raw.length < MAX_LIMIT || !oldest || oldest === untilId || oldest < id) break;
    untilId = oldest;
  }
  throw new AppError('not_found', `Misskey report ${id} not found in the newest ${GET_REPORT_PAGES * MAX_LIMIT} reports`, {
    userMessage: 'The instance has no such report (or it is too old to look up).',
  });
}

async function fetchPage(client: MisskeyClient, params: Record<string, unknown>): Promise<unknown[]> {
  const data = await client.call('admin/abuse-user-reports', params, { read: true });
  const list = z.array(z.unknown()).safeParse(data);
  if (!list.success) {
    throw new AppError('remote_error', 'Misskey report list is not an array', {
      userMessage: 'The instance returned a report list this dashboard cannot read.',
    });
  }
  return list.data;
}

async function withNotes(client: MisskeyClient, report: MisskeyReport): Promise<RemoteReport> {
  const statuses: RemoteStatus[] = [];
  for (const noteId of extractLocalNoteIds(report.comment ?? '', client.baseUrl)) {
    const status = await fetchNote(client, noteId);
    if (status) statuses.push(status);
  }
  return mapReport(report, client.baseUrl, statuses);
}

/**
 * A deleted or unreadable note is left out (the link stays in the comment): after a deletion Misskey answers
 * notes/show with 400 NO_SUCH_NOTE, which the client maps to not_found. The sync keeps the earlier link and marks
 * the post deleted (contract I2). Rate limits and auth failures propagate, because swallowing them would silently
 * import reports without their evidence.
 */
async function fetchNote(client: MisskeyClient, noteId: string): Promise<RemoteStatus | null> {
  try {
    const parsed = noteSchema.safeParse(await client.call('notes/show', { noteId }, { read: true }));
    return parsed.success ? mapNote(parsed.data, client.baseUrl) : null;
  } catch (e) {
    if (isAppError(e) && e.code === 'not_found') return null;
    throw e;
  }
}
