/**
 * `audit verify`: walks the whole log in pages, checks every link and MAC, then compares the log's end with
 * the signed head (removing the newest rows, or a truncate-and-rewrite, shows there) and, when given, with
 * exported checkpoints (which also catch a head rolled back to an older, validly signed value).
 */
import { db } from '@/lib/db';
import { deriveKey } from '@/lib/crypto/master-key';
import { HEAD_ID, headEnd } from './audit-head';
import { GENESIS_HASH, verifyRows, type ChainState, type VerifyOutcome } from './chain';
import type { Checkpoint } from './checkpoint-file';
import { checkpointSealValid, headSealValid } from './seal';

export interface VerifyOptions {
  pageSize?: number;
  /** Checkpoints exported earlier: the log must still contain each one's last row, with the same hash. */
  checkpoints?: Checkpoint[];
}

export async function verifyAuditChain(opts: VerifyOptions = {}): Promise<VerifyOutcome> {
  const key = await deriveKey('audit');
  const pageSize = opts.pageSize ?? 5000;
  const pending = new Map<bigint, Checkpoint>();
  for (const c of opts.checkpoints ?? []) {
    if (!checkpointSealValid(c, c.mac, key)) return fail(0, String(c.lastSeq), 'the checkpoint’s MAC is wrong (edited, or made by another install)');
    if (c.lastSeq > BigInt(0)) pending.set(c.lastSeq, c);
  }
  // One snapshot for the rows and the head, so appends during a long walk do not look like a mismatch.
  return db.$transaction(async (tx) => {
    let state: ChainState = { prevHash: GENESIS_HASH, keyed: false };
    let after = BigInt(0);
    let checked = 0;
    for (;;) {
      const rows = await tx.auditEvent.findMany({ where: { seq: { gt: after } }, orderBy: { seq: 'asc' }, take: pageSize });
      if (rows.length === 0) break;
      const out = verifyRows(rows, key, state);
      if (!out.ok) return fail(checked + out.checked, out.firstBroken?.seq ?? '?', out.firstBroken?.reason ?? 'broken');
      for (const [i, row] of rows.entries()) {
        const c = pending.get(row.seq);
        if (!c) continue;
        if (row.hash !== c.lastHash || BigInt(checked + i + 1) !== c.count) {
          return fail(checked + i, String(row.seq), `differs from the checkpoint of ${c.at.toISOString()} (the log was rewritten since)`);
        }
        pending.delete(row.seq);
      }
      checked += out.checked;
      state = out.state;
      after = rows[rows.length - 1].seq;
    }
    const missing = [...pending.values()].sort((a, b) => (a.lastSeq < b.lastSeq ? -1 : 1))[0];
    if (missing) {
      return fail(checked, String(missing.lastSeq), `the log ends at #${after} but the checkpoint of ${missing.at.toISOString()} reached #${missing.lastSeq} (rows were removed or the log was rolled back)`);
    }
    const head = await tx.auditHead.findUnique({ where: { id: HEAD_ID } });
    if (!head) return fail(checked, String(after), 'the signed head is missing (deleted outside the app)');
    const notes: string[] = [];
    if (head.mac === null) {
      if (state.keyed) return fail(checked, String(head.lastSeq), 'the head is unsigned but the log has keyed rows (the head was reset)');
      notes.push('The head is not signed yet: no event has been recorded since the upgrade, so only the hashes are checked.');
    } else if (!headSealValid(headEnd(head), head.mac, key)) {
      return fail(checked, String(head.lastSeq), 'the head’s MAC is wrong (the head was edited)');
    }
    if (head.count !== BigInt(checked) || head.lastSeq !== after || head.lastHash !== state.prevHash) {
      return fail(checked, String(head.lastSeq), `the log ends at #${after} with ${checked} events but the signed head says #${head.lastSeq} with ${head.count} (rows were removed, or added outside the app)`);
    }
    return { ok: true, checked, firstBroken: null, ...(notes.length ? { notes } : {}) };
  }, { isolationLevel: 'RepeatableRead', timeout: 10 * 60_000, maxWait: 30_000 });
}

function fail(checked: number, seq: string, reason: string): VerifyOutcome {
  return { ok: false, checked, firstBroken: { seq, reason } };
}
