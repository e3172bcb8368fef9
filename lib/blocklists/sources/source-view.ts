/** Rows → the views the pages, API and CLI read (types.ts). */
import type { BadLine, FetchView, SourceFormat, SourceView } from '@/lib/blocklists/types';

const FORMATS: SourceFormat[] = ['auto', 'mastodon_csv', 'plain', 'mastodon_json'];

export interface SourceRow {
  id: string; name: string; url: string | null; format: string; trusted: boolean; enabled: boolean; allowPrivate: boolean;
  refreshMinutes: number; lastFetchedAt: Date | null; lastOkAt: Date | null; lastError: string | null;
}

export interface FetchRow {
  id: string; at: Date; ok: boolean; httpStatus: number | null; error: string | null; notModified: boolean; format: string | null;
  entryCount: number; badLineCount: number; badLines: unknown; unresolved: unknown;
  addedCount: number; removedCount: number; changedCount: number; added: unknown; removed: unknown; changed: unknown;
}

export function toSourceView(row: SourceRow, entryCount: number, latest: Pick<FetchRow, 'badLineCount' | 'unresolved'> | null): SourceView {
  return {
    id: row.id, name: row.name, url: row.url, format: asFormat(row.format), trusted: row.trusted, enabled: row.enabled,
    allowPrivate: row.allowPrivate, refreshMinutes: row.refreshMinutes,
    lastFetchedAt: row.lastFetchedAt?.toISOString() ?? null, lastOkAt: row.lastOkAt?.toISOString() ?? null, lastError: row.lastError,
    entryCount, badLineCount: latest?.badLineCount ?? 0, unresolvedCount: jsonArray(latest?.unresolved).length,
  };
}

export function toFetchView(f: FetchRow): FetchView {
  return {
    id: f.id, at: f.at.toISOString(), ok: f.ok, httpStatus: f.httpStatus, error: f.error, notModified: f.notModified, format: f.format,
    entryCount: f.entryCount, badLineCount: f.badLineCount, badLines: jsonArray(f.badLines) as BadLine[],
    unresolved: jsonArray(f.unresolved) as { line: number; pattern: string }[],
    addedCount: f.addedCount, removedCount: f.removedCount, changedCount: f.changedCount,
    added: strings(f.added), removed: strings(f.removed), changed: strings(f.changed),
  };
}

/** The fetch whose parse the source's counts describe: a 304 or a failure did not read the list again. */
export const LATEST_READ = { where: { ok: true, notModified: false }, orderBy: { at: 'desc' as const }, take: 1 };

function asFormat(f: string): SourceFormat {
  return (FORMATS as string[]).includes(f) ? (f as SourceFormat) : 'auto';
}

// The JSON columns are written only by ingest-source-text.ts; reading them defensively costs nothing.
function jsonArray(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

function strings(v: unknown): string[] {
  return jsonArray(v).filter((x): x is string => typeof x === 'string');
}
