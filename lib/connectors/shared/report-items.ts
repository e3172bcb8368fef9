/**
 * How every connector turns one raw remote item into either a writable report or a skipped item (contract I5).
 * A skipped item's reason is one short line built from the parse error (paths and zod messages), never from the
 * item's text, so a log line or the sync issue list cannot leak what a report says.
 */
import { AppError } from '../../errors';
import type { RemoteReport, SkippedItem } from '../types';
import { clean } from './remote-text';
import { cleanJson, toWritableReport } from './writable-report';

export const MAX_REASON = 300;

export function skipItem(remoteId: string | null, error: string, raw: unknown): SkippedItem {
  const id = remoteId === null ? null : clean(remoteId).slice(0, 64) || null;
  return { remoteId: id, error: clean(error).slice(0, MAX_REASON) || 'malformed item', raw: cleanJson(raw) };
}

export interface ItemSink {
  items: RemoteReport[];
  skipped: SkippedItem[];
}

/** Adds a mapped report to the page, or records it as skipped when it is not writable. */
export function keepReport(sink: ItemSink, report: RemoteReport, raw: unknown): void {
  const w = toWritableReport(report);
  if (w.ok) sink.items.push(w.report);
  else sink.skipped.push(skipItem(report.remoteId, w.error, raw));
}

/**
 * The action path's version: the write has already landed, so a fresh report that is not writable is dropped
 * (the next sync reads it again) rather than failing the action, which would make the outbox send it again.
 */
export function writableOrNull(report: RemoteReport | null): RemoteReport | null {
  if (!report) return null;
  const w = toWritableReport(report);
  return w.ok ? w.report : null;
}

/** The refresh path's version: a report that is not writable is a remote_error, like a malformed one. */
export function writableOrThrow(report: RemoteReport, server: string): RemoteReport {
  const w = toWritableReport(report);
  if (w.ok) return w.report;
  throw new AppError('remote_error', `${server} returned a malformed report: ${w.error}`, {
    userMessage: 'The instance returned a report this dashboard cannot read.',
  });
}
