/**
 * Reads one version of a list (a fetched body or an uploaded file) into the source's entries. Bad lines are kept in
 * the history and never stop the good ones; obfuscated entries are resolved against known domains or listed as
 * unresolved (never applied). Only the difference is written, in one transaction with the history row and the audit
 * event, so a 20,000-line list that changed by three lines costs three rows.
 */
import crypto from 'node:crypto';
import { db } from '@/lib/db';
import type { Actor } from '@/lib/audit/actor';
import { recordEvent } from '@/lib/audit/record-event';
import { autoRetractIfEnabled } from '@/lib/blocklists/auto-retract';
import { parseBlocklist } from '@/lib/blocklists/parse/parse-blocklist';
import { resolveObfuscated } from '@/lib/blocklists/resolve-obfuscated';
import type { SourceFormat } from '@/lib/blocklists/types';
import { AppError } from '@/lib/errors';
import { logger } from '@/lib/log/logger';
import { compareEntries, foldEntries, type EntryData } from './entry-changes';
import { emptyOutcome, FETCH_ACTOR, KEEP_BAD_LINES, KEEP_DOMAINS, type FetchOutcome } from './fetch-outcome';
import { loadKnownDomains } from './known-domains';
import { recordFetchFailure } from './record-fetch-failure';

const log = logger('blocklists');
const CHUNK = 5000;

export interface IngestMeta {
  actor?: Actor;
  httpStatus?: number | null;
  /** Validators of the answer, for the next conditional GET (URL sources only). */
  etag?: string | null;
  lastModified?: string | null;
}

export async function ingestSourceText(sourceId: string, text: string, meta: IngestMeta = {}, now = new Date()): Promise<FetchOutcome> {
  const actor = meta.actor ?? FETCH_ACTOR;
  const source = await db.blocklistSource.findUnique({ where: { id: sourceId }, select: { id: true, name: true, url: true, format: true, refreshMinutes: true } });
  if (!source) throw new AppError('not_found', 'blocklist source not found', { userMessage: 'That blocklist source no longer exists.' });
  const parsed = parseBlocklist(text, source.format as SourceFormat);
  // A 200 carrying an HTML error page, or the wrong file, would otherwise empty the list and retract every block.
  if (parsed.entries.length === 0 && parsed.obfuscated.length === 0 && parsed.bad.length > 0) {
    return recordFetchFailure(sourceId, {
      actor, httpStatus: meta.httpStatus ?? null, format: parsed.format, bad: parsed.bad,
      error: `No line of the list could be read (${parsed.bad.length} bad); the previous entries are kept.`,
    }, now);
  }
  const { resolved, unresolved } = parsed.obfuscated.length
    ? resolveObfuscated(parsed.obfuscated, await loadKnownDomains(sourceId))
    : { resolved: [], unresolved: [] };
  const next = foldEntries([...parsed.entries, ...resolved]);
  const contentSha256 = crypto.createHash('sha256').update(text).digest('hex');

  const outcome = await db.$transaction(async (tx) => {
    const rows = await tx.blocklistEntry.findMany({ where: { sourceId }, select: { domain: true, severity: true, rejectMedia: true, rejectReports: true, publicComment: true, wildcard: true, obfuscatedAs: true } });
    const before = foldEntries(rows as EntryData[]);
    const { added, removed, changed } = compareEntries(before, next);
    const gone = [...removed, ...changed.map((e) => e.domain)];
    for (let i = 0; i < gone.length; i += CHUNK) await tx.blocklistEntry.deleteMany({ where: { sourceId, domain: { in: gone.slice(i, i + CHUNK) } } });
    const fresh = [...added, ...changed].map((e) => ({ sourceId, ...e }));
    for (let i = 0; i < fresh.length; i += CHUNK) await tx.blocklistEntry.createMany({ data: fresh.slice(i, i + CHUNK) });
    const unresolvedRows = unresolved.map((u) => ({ line: u.line, pattern: u.pattern }));
    const row = await tx.blocklistFetch.create({
      data: {
        sourceId, at: now, ok: true, httpStatus: meta.httpStatus ?? null, format: parsed.format, entryCount: next.size,
        badLineCount: parsed.bad.length, badLines: parsed.bad.slice(0, KEEP_BAD_LINES) as object[], unresolved: unresolvedRows.slice(0, KEEP_DOMAINS),
        addedCount: added.length, removedCount: removed.length, changedCount: changed.length,
        added: added.slice(0, KEEP_DOMAINS).map((e) => e.domain), removed: removed.slice(0, KEEP_DOMAINS), changed: changed.slice(0, KEEP_DOMAINS).map((e) => e.domain),
        contentSha256,
      },
      select: { id: true },
    });
    await tx.blocklistSource.update({
      where: { id: sourceId },
      data: {
        lastFetchedAt: now, lastOkAt: now, lastError: null, etag: meta.etag ?? null, lastModified: meta.lastModified ?? null,
        nextFetchAt: source.url ? new Date(now.getTime() + source.refreshMinutes * 60_000) : null,
      },
    });
    const changes = added.length + removed.length + changed.length;
    if (changes > 0) {
      await recordEvent(tx, {
        actor, action: 'blocklist.source.fetched', targetType: 'blocklist_source', targetId: sourceId,
        details: {
          name: source.name, ok: true, httpStatus: meta.httpStatus ?? null, format: parsed.format, entryCount: next.size,
          added: added.length, removed: removed.length, changed: changed.length, badLineCount: parsed.bad.length, unresolvedCount: unresolved.length,
          // Enough to see what moved without copying a whole list into the audit log.
          addedDomains: added.slice(0, 50).map((e) => e.domain), removedDomains: removed.slice(0, 50), changedDomains: changed.slice(0, 50).map((e) => e.domain),
        },
      });
    }
    return {
      ...emptyOutcome(sourceId), fetchId: row.id, ok: true, httpStatus: meta.httpStatus ?? null, entryCount: next.size,
      badLineCount: parsed.bad.length, unresolvedCount: unresolved.length, added: added.length, removed: removed.length, changed: changed.length,
    };
  }, { timeout: 120_000, maxWait: 30_000 });

  if (outcome.added + outcome.removed + outcome.changed > 0) {
    // The entries are stored either way; a failed retraction is the next fetch's (or a person's) to redo.
    await autoRetractIfEnabled().catch((e: unknown) => log.error('auto retract after a fetch failed', { sourceId, error: e instanceof Error ? e.message : String(e) }));
  }
  return outcome;
}
