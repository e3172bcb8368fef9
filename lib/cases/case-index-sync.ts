/**
 * The one CaseIndex of this process, loaded once (signals of open and purging cases) and then following new
 * CaseSignal rows by id watermark, the way sync-bank-index.ts follows BankChange. With nothing new, a sync is one
 * indexed query: cheap enough to run before every attach. A reopened case re-issues its signals with new ids
 * (set-case-state.ts), so followers that dropped it pick it up again.
 */
import { db } from '@/lib/db';
import { ACTIVE_STATES } from './case-access';
import { CaseIndex } from './case-index';

const PAGE = 5_000;

interface Holder { index: CaseIndex | null; watermark: bigint; loads: number; queue: Promise<unknown> }
const g = globalThis as unknown as { __caseIndex?: Holder };

function holder(): Holder {
  g.__caseIndex ??= { index: null, watermark: BigInt(0), loads: 0, queue: Promise.resolve() };
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
      // The watermark is read FIRST: a signal committed during the load is then read again by the next follow (harmless).
      const top = await db.caseSignal.aggregate({ _max: { id: true } });
      await readSignals(index, BigInt(0), true);
      h.index = index;
      h.watermark = top._max.id ?? BigInt(0);
      h.loads++;
      return index;
    }
    h.watermark = await readSignals(h.index, h.watermark, false);
    return h.index;
  });
}

/** Adds signals with id > after (only active cases' on a full load); returns the new watermark. */
async function readSignals(index: CaseIndex, after: bigint, activeOnly: boolean): Promise<bigint> {
  let mark = after;
  for (;;) {
    const rows = await db.caseSignal.findMany({
      where: { id: { gt: mark }, ...(activeOnly ? { case: { state: { in: [...ACTIVE_STATES] } } } : {}) },
      orderBy: { id: 'asc' }, take: PAGE, select: { id: true, caseId: true, signalType: true, value: true },
    });
    for (const r of rows) index.add({ id: Number(r.id), caseId: r.caseId, signalType: r.signalType, value: r.value });
    if (rows.length > 0) mark = rows[rows.length - 1].id;
    if (rows.length < PAGE) return mark;
  }
}

/** Forgets the index (tests; the next sync loads it again). */
export function resetCaseIndex(): void {
  const h = holder();
  h.index = null;
  h.watermark = BigInt(0);
}

export function caseIndexStats(): { loaded: boolean; loads: number; watermark: bigint; signals: number } {
  const h = holder();
  return { loaded: h.index !== null, loads: h.loads, watermark: h.watermark, signals: h.index?.size ?? 0 };
}
