import { db } from '@/lib/db';
import { GENESIS_HASH, verifyRows, type VerifyOutcome } from './chain';

/** Walks the whole log in pages and names the first row whose hash or link is wrong. */
export async function verifyAuditChain(pageSize = 5000): Promise<VerifyOutcome> {
  let prev = GENESIS_HASH;
  let after = BigInt(0);
  let checked = 0;
  for (;;) {
    const rows = await db.auditEvent.findMany({ where: { seq: { gt: after } }, orderBy: { seq: 'asc' }, take: pageSize });
    if (rows.length === 0) break;
    const out = verifyRows(rows, prev);
    checked += out.checked;
    if (!out.ok) return { ok: false, checked, firstBroken: out.firstBroken };
    prev = out.lastHash;
    after = rows[rows.length - 1].seq;
  }
  return { ok: true, checked, firstBroken: null };
}
