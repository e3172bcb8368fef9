/**
 * One listReports call fetches one page from each report table still open and merges them, newest first.
 * The cursor is opaque base64url JSON holding the next page per table (0 = that table is exhausted), because
 * Lemmy v3 pages by number per endpoint and has no combined list. Private message reports are admin-only:
 * a not_an_admin answer there just ends that table instead of failing the sync.
 */
import { z } from 'zod';
import { AppError, isAppError } from '../../errors';
import type { ListReportsInput, RemoteReport, ReportPage, SkippedItem } from '../types';
import { V3, type LemmyClient } from './client';
import type { ReportKind } from './mapper';
import { formatIssues, parseRemote } from './parse';
import { KINDS, REPORT_TYPES, parseTypedId, rawTypedId } from './report-types';
import { keepReport, skipItem, writableOrThrow } from '../shared/report-items';

export const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 50; // Lemmy caps limit at 50
const GET_REPORT_MAX_PAGES = 20;

const cursorSchema = z.object({ post: z.number().int().min(0), comment: z.number().int().min(0), pm: z.number().int().min(0) });
type Cursor = z.infer<typeof cursorSchema>;

export function encodeCursor(c: Cursor): string | null {
  return KINDS.some((k) => c[k] > 0) ? Buffer.from(JSON.stringify(c)).toString('base64url') : null;
}

export function decodeCursor(s: string | null | undefined): Cursor {
  if (!s) return { post: 1, comment: 1, pm: 1 };
  try {
    return cursorSchema.parse(JSON.parse(Buffer.from(s, 'base64url').toString('utf8')));
  } catch {
    throw new AppError('bad_request', 'Invalid Lemmy cursor', { userMessage: 'The page cursor is not valid.' });
  }
}

async function fetchPage(client: LemmyClient, kind: ReportKind, page: number, limit: number, unresolvedOnly: boolean): Promise<unknown[] | null> {
  const spec = REPORT_TYPES[kind];
  try {
    const data = await client.request('GET', `${V3}/${spec.path}/report/list`, { query: { page, limit, unresolved_only: unresolvedOnly } });
    return parseRemote(spec.envelope, data, `${kind} report list`);
  } catch (e) {
    if (kind === 'pm' && isAppError(e) && String(e.details?.remoteError ?? '').startsWith('not_an_admin')) return null;
    throw e;
  }
}

export async function listLemmyReports(client: LemmyClient, input: ListReportsInput): Promise<ReportPage> {
  const limit = Math.min(MAX_LIMIT, Math.max(1, Math.trunc(input.limit ?? DEFAULT_LIMIT)));
  const cursor = decodeCursor(input.cursor);
  const next: Cursor = { post: 0, comment: 0, pm: 0 };
  const items: RemoteReport[] = [];
  const skipped: SkippedItem[] = [];
  for (const kind of KINDS) {
    if (cursor[kind] === 0) continue;
    // v3 can only filter unresolved; for the resolved listing everything is read and open ones dropped.
    const raws = await fetchPage(client, kind, cursor[kind], limit, !input.resolved);
    if (!raws) continue;
    for (const raw of raws) {
      const r = REPORT_TYPES[kind].parse(raw);
      if (!r.ok) skipped.push(skipItem(rawTypedId(kind, raw), formatIssues(r.error), raw));
      else if (r.report.resolved === input.resolved) keepReport({ items, skipped }, r.report, raw);
    }
    if (raws.length >= limit) next[kind] = cursor[kind] + 1;
  }
  items.sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
  return { items, skipped, next: encodeCursor(next) };
}

/** Lemmy v3 has no single-report endpoint, so this pages through that type's list (bounded) to find it. */
export async function getLemmyReport(client: LemmyClient, remoteId: string): Promise<RemoteReport> {
  const { kind } = parseTypedId(remoteId);
  for (let page = 1; page <= GET_REPORT_MAX_PAGES; page++) {
    const raws = await fetchPage(client, kind, page, MAX_LIMIT, false);
    if (!raws) break;
    for (const raw of raws) {
      if (rawTypedId(kind, raw) !== remoteId) continue;
      const r = REPORT_TYPES[kind].parse(raw);
      if (r.ok) return writableOrThrow(r.report, 'Lemmy');
      throw new AppError('remote_error', `Lemmy returned a malformed report ${remoteId}: ${formatIssues(r.error)}`, {
        userMessage: 'The instance returned a report this dashboard cannot read.',
      });
    }
    if (raws.length < MAX_LIMIT) break;
  }
  throw new AppError('not_found', `Lemmy report ${remoteId} not found in the first ${GET_REPORT_MAX_PAGES} pages`, {
    userMessage: `Lemmy has no single-report endpoint; the report was not found in the newest ${GET_REPORT_MAX_PAGES * MAX_LIMIT} reports of its type.`,
  });
}
