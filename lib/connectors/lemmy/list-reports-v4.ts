/**
 * Lemmy 1.0 (API v4) report listing: GET /api/v4/report/list returns all four report kinds in one
 * PagedResponse, so one listReports call is one remote page. Our cursor wraps Lemmy's opaque next_page
 * (base64url JSON with a version marker), so a cursor from the v3 listing is refused instead of being sent
 * to Lemmy. show_community_rule_violations=true is sent because, for admins, 1.0 otherwise hides reports
 * about community rules for their first three days (filter_admin_reports in report_combined).
 */
import { z } from 'zod';
import { AppError } from '../../errors';
import type { ListReportsInput, RemoteReport, ReportPage, SkippedItem } from '../types';
import { pagedSchema } from './api-types-v4';
import { V4, type LemmyClient } from './client';
import { parseRemote } from './parse';
import { parseTypedId } from './report-types';
import { V4_REPORT_TYPES, combinedTypedId, parseCombinedReport } from './report-types-v4';
import { keepReport, skipItem, writableOrThrow } from '../shared/report-items';

const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 50; // Lemmy caps limit at 50
const GET_REPORT_MAX_PAGES = 20;

const cursorSchema = z.object({ v: z.literal(4), c: z.string().min(1).max(2000) });

export function encodeV4Cursor(lemmyCursor: string): string {
  return Buffer.from(JSON.stringify({ v: 4, c: lemmyCursor })).toString('base64url');
}

export function decodeV4Cursor(s: string | null | undefined): string | null {
  if (!s) return null;
  try {
    return cursorSchema.parse(JSON.parse(Buffer.from(s, 'base64url').toString('utf8'))).c;
  } catch {
    throw new AppError('bad_request', 'Invalid Lemmy v4 cursor', { userMessage: 'The page cursor is not valid.' });
  }
}

interface V4Page { items: unknown[]; next: string | null }

async function fetchV4Page(client: LemmyClient, q: { type: string; unresolvedOnly: boolean; cursor: string | null; limit: number }): Promise<V4Page> {
  const data = await client.request('GET', `${V4}/report/list`, {
    query: { type_: q.type, unresolved_only: q.unresolvedOnly, show_community_rule_violations: true, page_cursor: q.cursor ?? undefined, limit: q.limit },
  });
  const page = parseRemote(pagedSchema, data, 'report list');
  // An empty page ends the listing even if a cursor came with it, so a server that always sends one cannot loop us.
  return { items: page.items, next: page.items.length > 0 ? page.next_page ?? null : null };
}

export async function listLemmyReportsV4(client: LemmyClient, input: ListReportsInput): Promise<ReportPage> {
  const limit = Math.min(MAX_LIMIT, Math.max(1, Math.trunc(input.limit ?? DEFAULT_LIMIT)));
  // v4, like v3, can only filter unresolved; for the resolved listing everything is read and open ones dropped.
  const page = await fetchV4Page(client, { type: 'all', unresolvedOnly: !input.resolved, cursor: decodeV4Cursor(input.cursor), limit });
  const items: RemoteReport[] = [];
  const skipped: SkippedItem[] = [];
  for (const raw of page.items) {
    const r = parseCombinedReport(raw);
    if (!r.ok) skipped.push(skipItem(r.remoteId, r.error, raw));
    else if (r.report.resolved === input.resolved) keepReport({ items, skipped }, r.report, raw);
  }
  return { items, skipped, next: page.next ? encodeV4Cursor(page.next) : null };
}

/** v4 has no single-report endpoint either: page (bounded) through the list filtered to the report's kind. */
export async function getLemmyReportV4(client: LemmyClient, remoteId: string): Promise<RemoteReport> {
  const { kind } = parseTypedId(remoteId);
  let cursor: string | null = null;
  for (let n = 0; n < GET_REPORT_MAX_PAGES; n++) {
    const page = await fetchV4Page(client, { type: V4_REPORT_TYPES[kind].typeFilter, unresolvedOnly: false, cursor, limit: MAX_LIMIT });
    const raw = page.items.find((item) => combinedTypedId(item) === remoteId);
    if (raw !== undefined) {
      const r = parseCombinedReport(raw);
      if (r.ok) return writableOrThrow(r.report, 'Lemmy');
      throw new AppError('remote_error', `Lemmy returned a malformed report ${remoteId}: ${r.error}`, {
        userMessage: 'The instance returned a report this dashboard cannot read.',
      });
    }
    if (!page.next) break;
    cursor = page.next;
  }
  throw new AppError('not_found', `Lemmy report ${remoteId} not found in the first ${GET_REPORT_MAX_PAGES} pages`, {
    userMessage: `Lemmy has no single-report endpoint; the report was not found in the newest ${GET_REPORT_MAX_PAGES * MAX_LIMIT} reports of its type.`,
  });
}
