/**
 * Report listing with page/page_size. The cursor is the next page number; the end is a short page or
 * `total` reached, since Akkoma returns no next link.
 */
import type { ListReportsInput, RemoteReport, ReportPage, SkippedItem } from '../types';
import { akkomaReportSchema, reportListSchema } from './api-types';
import { ADMIN, type AkkomaClient } from './client';
import { mapReport } from './mapper';
import { formatIssues, parseRemote, rawId } from './parse';
import { keepReport, skipItem } from '../shared/report-items';

export const DEFAULT_PAGE_SIZE = 50;

export async function listAkkomaReports(client: AkkomaClient, input: ListReportsInput): Promise<ReportPage> {
  const pageSize = Math.min(100, Math.max(1, Math.trunc(input.limit ?? DEFAULT_PAGE_SIZE)));
  const page = input.cursor && /^[1-9]\d{0,5}$/.test(input.cursor) ? Number(input.cursor) : 1;
  // "closed" (rejected) reports are not fetched for the resolved listing: they needed no action.
  const state = input.resolved ? 'resolved' : 'open';
  const data = await client.request('GET', `${ADMIN}/reports`, { query: { state, page, page_size: pageSize } });
  const list = parseRemote(reportListSchema, data, 'report list');
  const items: RemoteReport[] = [];
  const skipped: SkippedItem[] = [];
  // One item at a time, so a single malformed report is recorded and the rest of the page still lands.
  for (const raw of list.reports) {
    const parsed = akkomaReportSchema.safeParse(raw);
    if (parsed.success) keepReport({ items, skipped }, mapReport(parsed.data), raw);
    else skipped.push(skipItem(rawId(raw), formatIssues(parsed.error), raw));
  }
  const short = list.reports.length < pageSize;
  const totalReached = typeof list.total === 'number' && page * pageSize >= list.total;
  return { items, skipped, next: short || totalReached ? null : String(page + 1) };
}
