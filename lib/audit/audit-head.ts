/**
 * The signed head (AuditHead, one row): what the app last appended. Appends refuse to advance a head that does
 * not match the log's end or carries a bad MAC, so a tampered log is never re-signed (laundered) by the next
 * ordinary event; the app stops writing audited changes until an admin has looked (`audit verify`).
 */
import type { Tx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { GENESIS_HASH, LEGACY_CHAIN } from './chain';
import { headSealValid, type ChainEnd } from './seal';

export const HEAD_ID = 1;

export interface HeadRow {
  count: bigint;
  lastSeq: bigint;
  lastHash: string;
  updatedAt: Date;
  mac: string | null;
}

export const headEnd = (h: HeadRow): ChainEnd => ({ count: h.count, lastSeq: h.lastSeq, lastHash: h.lastHash, at: h.updatedAt });

/** Why the head and the log's last row disagree, or null when they agree. */
export function headMismatch(
  head: HeadRow | null,
  last: { seq: bigint; hash: string; chainVersion: number } | null,
  key: Buffer,
): string | null {
  if (!head) return 'the signed head is missing';
  if (head.mac === null) {
    // Unsigned only until the first keyed append; a keyed row under an unsigned head means someone reset it.
    if (last && last.chainVersion !== LEGACY_CHAIN) return 'the head is unsigned but the log has keyed rows';
  } else if (!headSealValid(headEnd(head), head.mac, key)) {
    return 'the head’s MAC is wrong (the head was edited)';
  }
  if (head.lastSeq !== (last?.seq ?? BigInt(0)) || head.lastHash !== (last?.hash ?? GENESIS_HASH)) {
    return `the log ends at #${last?.seq ?? 0} but the head says #${head.lastSeq} (rows were removed or added outside the app)`;
  }
  return null;
}

export async function readHeadForAppend(tx: Tx, key: Buffer): Promise<HeadRow> {
  const head = await tx.auditHead.findUnique({ where: { id: HEAD_ID } });
  const last = await tx.auditEvent.findFirst({ orderBy: { seq: 'desc' }, select: { seq: true, hash: true, chainVersion: true } });
  const problem = headMismatch(head, last, key);
  if (problem || !head) {
    throw new AppError('internal', `audit log refused an append: ${problem}; run \`npm run cli -- audit verify\``, {
      userMessage: 'The audit log failed its integrity check, so changes are paused. Ask an admin to run the audit verification.',
    });
  }
  return head;
}
