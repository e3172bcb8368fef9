/**
 * The one BankIndex of this process (the worker's, or the web process's when it runs the worker too), with its
 * place in the change feed. Kept on globalThis so Next's dev reloads do not load a second copy of a large index.
 * Loads and syncs both mutate the index, so they run one at a time through `serialize`.
 */
import type { BankIndex } from './bank-index';
import { ChangeCursor } from './change-cursor';

interface Holder {
  index: BankIndex | null;
  cursor: ChangeCursor;
  /** Full loads so far: tests assert that following the feed never falls back to one. */
  loads: number;
  queue: Promise<unknown>;
}

const g = globalThis as unknown as { __bankIndex?: Holder };

export function indexHolder(): Holder {
  g.__bankIndex ??= { index: null, cursor: new ChangeCursor(BigInt(0)), loads: 0, queue: Promise.resolve() };
  return g.__bankIndex;
}

export function serialize<T>(fn: () => Promise<T>): Promise<T> {
  const h = indexHolder();
  const run = h.queue.then(fn, fn);
  h.queue = run.catch(() => undefined);
  return run;
}

/** Forgets the index (tests; a worker that wants to free the memory). The next sync loads it again. */
export function resetBankIndex(): void {
  const h = indexHolder();
  h.index = null;
  h.cursor = new ChangeCursor(BigInt(0));
}

export function bankIndexStats(): { loaded: boolean; loads: number; watermark: bigint; pending: number; entries: number } {
  const h = indexHolder();
  return { loaded: h.index !== null, loads: h.loads, watermark: h.cursor.watermark, pending: h.cursor.pending, entries: h.index?.size ?? 0 };
}
