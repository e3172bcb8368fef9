/** A stored receipt as the case page, the API and the CLI show it. Its checks are stored JSON: parsed, never cast. */
import { z } from 'zod';
import type { ReceiptCheck, ReceiptVerdict, ReceiptView } from './types';

const check = z.object({
  what: z.enum(['media_url', 'post_url', 'lookup']),
  url: z.string().nullable().catch(null),
  httpStatus: z.number().int().nullable().catch(null),
  sha256: z.string().nullable().catch(null),
  result: z.string().catch('unknown'),
  error: z.string().nullable().catch(null),
});

export function parseChecks(raw: unknown): ReceiptCheck[] {
  const list = z.array(z.unknown()).safeParse(raw);
  if (!list.success) return [];
  return list.data.flatMap((c) => {
    const parsed = check.safeParse(c);
    return parsed.success ? [parsed.data] : [];
  });
}

export interface ReceiptRow {
  id: string;
  copyId: string | null;
  instanceId: string;
  verdict: ReceiptVerdict;
  reason: string;
  httpStatus: number | null;
  servedSha256: string | null;
  checks: unknown;
  checkedAt: Date;
  byLabel: string;
}

export function receiptView(r: ReceiptRow): ReceiptView {
  return {
    id: r.id, copyId: r.copyId, instanceId: r.instanceId, verdict: r.verdict, reason: r.reason, httpStatus: r.httpStatus,
    servedSha256: r.servedSha256, checks: parseChecks(r.checks), checkedAt: r.checkedAt.toISOString(), byLabel: r.byLabel,
  };
}

/** Newest first in, the newest per copy out (instance-level receipts: the newest per instance). */
export function latestPerCopy<T extends { copyId: string | null; instanceId: string }>(newestFirst: T[]): T[] {
  const seen = new Set<string>();
  return newestFirst.filter((r) => {
    const key = r.copyId ?? `instance:${r.instanceId}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
