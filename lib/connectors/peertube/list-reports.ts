/**
 * Abuse listing with start/count/sort=-createdAt. The cursor is the next start offset; the end is a short or
 * empty page, `total` reached exactly (saves one request when the last page is full), or the largest offset a
 * cursor can hold. `total` is trusted for nothing else: a negative, fractional or wrong one (smaller than what is
 * really there) must neither hide reports nor loop or fail a sync.
 */
import { AppError } from '../../errors';
import { formatIssues, rawId, safeId } from '../shared/parse-remote';
import { keepReport, skipItem, writableOrThrow } from '../shared/report-items';
import type { ListReportsInput, RemoteReport, ReportPage, SkippedItem } from '../types';
import { abuseListSchema, abuseSchema, type PeerTubeAbuse } from './api-types';
import type { PeerTubeClient } from './client';
import { ABUSE_STATE, mapAbuse } from './mapper';
import { parseRemote } from './parse';

export const DEFAULT_PAGE_SIZE = 50;
export const ABUSES = '/api/v1/abuses';
const MAX_START = 9_999_999; // the cursor's 7 digits

export async function listPeerTubeReports(client: PeerTubeClient, input: ListReportsInput): Promise<ReportPage> {
  const count = Math.min(100, Math.max(1, Math.trunc(input.limit ?? DEFAULT_PAGE_SIZE)));
  const start = input.cursor && /^\d{1,7}$/.test(input.cursor) ? Number(input.cursor) : 0;
  // Rejected abuses are not fetched for the resolved listing: they needed no action.
  const state = input.resolved ? ABUSE_STATE.accepted : ABUSE_STATE.pending;
  const list = parseRemote(abuseListSchema, await client.request('GET', ABUSES, { query: { start, count, sort: '-createdAt', state } }), 'abuse list');
  const items: RemoteReport[] = [];
  const skipped: SkippedItem[] = [];
  // One item at a time, so a single malformed abuse is recorded and the rest of the page still lands.
  for (const raw of list.data) {
    const parsed = abuseSchema.safeParse(raw);
    if (parsed.success) keepReport({ items, skipped }, mapAbuse(parsed.data, client.baseUrl), raw);
    else skipped.push(skipItem(rawId(raw), formatIssues(parsed.error), raw));
  }
  const nextStart = start + list.data.length;
  const end = list.data.length < count || nextStart === list.total || nextStart > MAX_START;
  return { items, skipped, next: end ? null : String(nextStart) };
}

export async function getPeerTubeReport(client: PeerTubeClient, remoteId: string): Promise<RemoteReport> {
  return writableOrThrow(mapAbuse(await fetchAbuse(client, remoteId), client.baseUrl), 'PeerTube');
}

/** One abuse, parsed: PeerTube has no GET /abuses/{id} for admins, so it is the list filtered by id. */
export async function fetchAbuse(client: PeerTubeClient, remoteId: string): Promise<PeerTubeAbuse> {
  const id = safeId(remoteId);
  const list = parseRemote(abuseListSchema, await client.request('GET', ABUSES, { query: { id } }), 'abuse list');
  const raw = list.data.find((x) => rawId(x) === id);
  if (!raw) throw new AppError('not_found', `PeerTube abuse ${id} not found`, { userMessage: 'The instance has no such report.' });
  return parseRemote(abuseSchema, raw, 'abuse');
}
