/**
 * A process-wide budget for decoded pixels. Every decode reserves its estimated peak (from the header, before any
 * pixel is decoded) and waits until it fits, so however many media jobs run and whatever sizes arrive, the
 * decodes in flight together stay under MEDIA_MEMORY_BUDGET_MB. Waiters are served in arrival order, so a large
 * image is not starved by a stream of small ones; one larger than the whole budget waits until it runs alone.
 */
import { env } from '@/lib/env';

export interface MemoryBudget {
  readonly capacity: number;
  inUse(): number;
  /** Resolves once `bytes` fit; call the returned function (once; later calls are no-ops) to give them back. */
  reserve(bytes: number): Promise<() => void>;
}

export function createMemoryBudget(capacity: number): MemoryBudget {
  let used = 0;
  const waiting: Array<{ need: number; grant: () => void }> = [];

  function pump(): void {
    while (waiting.length > 0 && used + waiting[0].need <= capacity) {
      const next = waiting.shift();
      if (!next) break;
      used += next.need;
      next.grant();
    }
  }

  return {
    capacity,
    inUse: () => used,
    reserve(bytes) {
      // An estimate that is not a number must not wait forever: it counts as the whole budget.
      const need = Number.isFinite(bytes) ? Math.min(capacity, Math.max(0, Math.ceil(bytes))) : capacity;
      return new Promise((resolve) => {
        waiting.push({
          need,
          grant: () => {
            let released = false;
            resolve(() => {
              if (released) return;
              released = true;
              used -= need;
              pump();
            });
          },
        });
        pump();
      });
    },
  };
}

let shared: MemoryBudget | null = null;

/** The one budget of this process (MEDIA_MEMORY_BUDGET_MB, default 512). */
export function mediaMemoryBudget(): MemoryBudget {
  shared ??= createMemoryBudget(env().MEDIA_MEMORY_BUDGET_MB * 1024 * 1024);
  return shared;
}
