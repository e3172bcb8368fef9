/**
 * The one CaseIndex of this process, loaded once (signals of open and purging cases) and then following new
 * CaseSignal rows by id with a gap-aware cursor, the way sync-bank-index.ts follows BankChange. With nothing new, a sync is one
 * indexed query: cheap enough to run before every attach. A reopened case re-issues its signals with new ids
 * (set-case-state.ts), so followers that dropped it pick it up again.
 */
import { db } from '@/lib/db';
import { ACTIVE_STATES } from './case-access';
import { ChangeCursor, DEFAULT_GAP_GRACE_MS } from '@/lib/matching/change-cursor';
import { CaseIndex } from './case-index';

const PAGE = 5_000;

interface Holder { index: CaseIndex | null; cursor: ChangeCursor; loads: number; queue: Promise<unknown> }
const g = globalThis as unknown as { __caseIndex?: Holder };

function holder(): Holder {
  g.__caseIndex ??= { index: null, cursor: new ChangeCursor(BigInt(0)), loads: 0, queue: Promise.resolve() };
  return g.__caseIndex;
}

/** Loads and follows one at a time (both mutate the index). */
function serialize<T>(fn: () => Promise<T>): Promise<T> {
  const h = holder();
  const run = h.queue.then(fn, fn);
  h.queue = run.catch(() => undefined);
  return run;
}

export function syncCaseIndex(): Promise<CaseIndex> {
  return serialize(async () => {
    const h = holder();
    if (!h.index) {
      const index = new CaseIndex();
      // Full load of the active cases' signals. The cursor starts at the newest signal older than the gap grace
      // period: anything newer may still have a lower-id neighbour in flight, so the follows keep looking there.
      const settled = await db.caseSignal.aggregate({ _max: { id: true }, where: { createdAt: { lt: new Date(Date.now() - DEFAULT_GAP_GRACE_MS) } } });
      h.cursor = new ChangeCursor(settled._max.id ?? BigInt(0));
      await readSignals(index, h.cursor, true, BigInt(0));
      h.index = index;
      h.loads++;
      return index;
    }
    await readSignals(h.index, h.cursor, false);
    return h.index;
  });
}

/**
 * Adds the signals the cursor has not applied yet (only active cases' on a full load). Ids are handed out at insert,
 * not at commit, and ON CONFLICT inserts burn ids: "id > highest seen" would skip a signal that commits late (a case
 * opening while another opens faster), so the cursor steps over a gap only once it has stayed open for its grace
 * period, as the bank index does with BankChange (lib/matching/change-cursor.ts).
 */
async function readSignals(index: CaseIndex, cursor: ChangeCursor, activeOnly: boolean, from = cursor.watermark): Promise<void> {
  const now = Date.now();
  let after = from;
  for (;;) {
    const rows = await db.caseSignal.findMany({
      where: { id: { gt: after }, ...(activeOnly ? { case: { state: { in: [...ACTIVE_STATES] } } } : {}) },
      orderBy: { id: 'asc' }, take: PAGE, select: { id: true, caseId: true, signalType: true, value: true },
    });
    for (const r of rows) {
      if (!activeOnly && cursor.isApplied(r.id)) continue;
      index.add({ id: Number(r.id), caseId: r.caseId, signalType: r.signalType, value: r.value });
      cursor.markApplied(r.id, now);
    }
    if (rows.length > 0) after = rows[rows.length - 1].id;
    if (rows.length < PAGE) break;
  }
  cursor.advance(now);
}

/** Forgets the index (tests; the next sync loads it again). */
export function resetCaseIndex(): void {
  const h = holder();
  h.index = null;
  h.cursor = new ChangeCursor(BigInt(0));
}

export function caseIndexStats(): { loaded: boolean; loads: number; watermark: bigint; signals: number; pendingAboveGap: number } {
  const h = holder();
  return { loaded: h.index !== null, loads: h.loads, watermark: h.cursor.watermark, signals: h.index?.size ?? 0, pendingAboveGap: h.cursor.pending };
}
