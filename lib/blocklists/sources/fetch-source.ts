/**
 * Fetches a URL source now: one worker at a time per source (the lease), a conditional GET (ETag / Last-Modified),
 * the SSRF-safe fetcher capped at 10 MB and 30 s, the source's own origin exempted only when an owner allowed a
 * local test host. A 304 is a history row and nothing else; any failure keeps the previous entries.
 */
import { db } from '@/lib/db';
import type { Actor } from '@/lib/audit/actor';
import { decodeTextUpload } from '@/lib/banks/decode-text-upload';
import { AppError, isAppError } from '@/lib/errors';
import { exemptOriginFor } from '@/lib/net/fetch-policy';
import { safeFetch } from '@/lib/net/safe-fetch';
import { emptyOutcome, FETCH_ACTOR, type FetchOutcome } from './fetch-outcome';
import { ingestSourceText } from './ingest-source-text';
import { recordFetchFailure } from './record-fetch-failure';
import { MAX_LIST_BYTES } from './source-fields';

const TIMEOUT_MS = 30_000;
// Longer than the fetch and a big list's transaction together, so a live fetch never loses it to another worker.
const LEASE_MS = 5 * 60_000;

export interface FetchSourceOptions {
  actor?: Actor;
  /** Ignore the stored validators: read and parse the whole list again (after a format change, say). */
  force?: boolean;
  now?: Date;
}

export async function fetchSource(sourceId: string, opts: FetchSourceOptions = {}): Promise<FetchOutcome> {
  const now = opts.now ?? new Date();
  const actor = opts.actor ?? FETCH_ACTOR;
  const leased = await db.blocklistSource.updateMany({
    where: { id: sourceId, url: { not: null }, OR: [{ fetchLeaseUntil: null }, { fetchLeaseUntil: { lt: now } }] },
    data: { fetchLeaseUntil: new Date(now.getTime() + LEASE_MS) },
  });
  if (leased.count === 0) return notLeased(sourceId);
  try {
    const source = await db.blocklistSource.findUniqueOrThrow({ where: { id: sourceId }, select: { url: true, allowPrivate: true, etag: true, lastModified: true } });
    const url = source.url as string;
    const headers: Record<string, string> = { accept: 'text/csv, text/plain, application/json;q=0.9, */*;q=0.5' };
    if (!opts.force && source.etag) headers['if-none-match'] = source.etag;
    if (!opts.force && source.lastModified) headers['if-modified-since'] = source.lastModified;
    let res: Response;
    try {
      res = await safeFetch(url, {
        headers,
        policy: { exemptOrigin: exemptOriginFor({ baseUrl: url, allowPrivate: source.allowPrivate }), maxBytes: MAX_LIST_BYTES, timeoutMs: TIMEOUT_MS, maxRedirects: 3 },
      });
    } catch (e) {
      return await recordFetchFailure(sourceId, { actor, httpStatus: null, error: fetchErrorText(e) }, now);
    }
    if (res.status === 304) return await recordNotModified(sourceId, now);
    if (!res.ok) return await recordFetchFailure(sourceId, { actor, httpStatus: res.status, error: `The list server answered HTTP ${res.status}.` }, now);
    let text: string;
    try {
      text = decodeTextUpload(new Uint8Array(await res.arrayBuffer()));
    } catch {
      return await recordFetchFailure(sourceId, { actor, httpStatus: res.status, error: 'The list server sent something that is not text.' }, now);
    }
    return await ingestSourceText(sourceId, text, { actor, httpStatus: res.status, etag: res.headers.get('etag'), lastModified: res.headers.get('last-modified') }, now);
  } finally {
    await db.blocklistSource.updateMany({ where: { id: sourceId }, data: { fetchLeaseUntil: null } });
  }
}

async function notLeased(sourceId: string): Promise<FetchOutcome> {
  const source = await db.blocklistSource.findUnique({ where: { id: sourceId }, select: { url: true } });
  if (!source) throw new AppError('not_found', 'blocklist source not found', { userMessage: 'That blocklist source no longer exists.' });
  if (!source.url) throw new AppError('bad_request', 'uploaded source has no url', { userMessage: 'This source is an uploaded file: there is nothing to fetch.' });
  return { ...emptyOutcome(sourceId), skipped: 'leased', error: 'Another fetch of this source is running.' };
}

async function recordNotModified(sourceId: string, now: Date): Promise<FetchOutcome> {
  return db.$transaction(async (tx) => {
    const source = await tx.blocklistSource.findUniqueOrThrow({ where: { id: sourceId }, select: { refreshMinutes: true } });
    const entryCount = await tx.blocklistEntry.count({ where: { sourceId } });
    const row = await tx.blocklistFetch.create({ data: { sourceId, at: now, ok: true, httpStatus: 304, notModified: true, entryCount }, select: { id: true } });
    await tx.blocklistSource.update({
      where: { id: sourceId },
      data: { lastFetchedAt: now, lastOkAt: now, lastError: null, nextFetchAt: new Date(now.getTime() + source.refreshMinutes * 60_000) },
    });
    return { ...emptyOutcome(sourceId), fetchId: row.id, ok: true, notModified: true, httpStatus: 304, entryCount };
  });
}

/** In words for the sources page; never the raw error (it may carry addresses the operator did not type). */
function fetchErrorText(e: unknown): string {
  if (!isAppError(e)) return 'The list could not be fetched.';
  switch (e.code) {
    case 'ssrf_blocked': return 'The list address is private or local; only an owner can allow a local test host.';
    case 'too_large': return 'The list is larger than 10 MB.';
    case 'remote_unreachable': return e.details?.reason === 'timeout' ? 'The list server did not answer within 30 seconds.' : 'The list server could not be reached.';
    default: return e.userMessage;
  }
}
