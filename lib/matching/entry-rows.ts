/**
 * Per-entry metadata for the bank index in typed arrays: bank slot, signal, and a sweep mark, addressed through an
 * IdTable (entry id -> row). About 25 bytes per entry where JS objects would cost ~100 and load the GC at 1M+.
 * Rows freed by removals are reused. Exact values (md5/sha256) are kept so a removal can find its map key even after
 * the database row is gone; the string is the same instance the exact map holds, so it costs one pointer.
 */
import { IdTable } from './id-table';

export const SIGNALS = ['pdq', 'md5', 'sha256'] as const;
export type SignalType = (typeof SIGNALS)[number];
const FREE = 255;

export interface EntryRow { bankSlot: number; signal: SignalType; value: string | undefined }

export class EntryRows {
  private table = new IdTable();
  private ids = new Float64Array(1024);
  private banks = new Uint16Array(1024);
  private signals = new Uint8Array(1024).fill(FREE);
  private marks = new Uint8Array(1024);
  private values: (string | undefined)[] = [];
  private free: number[] = [];
  private high = 0;

  get size(): number {
    return this.table.size;
  }

  get(id: number): EntryRow | null {
    const r = this.table.get(id);
    return r < 0 ? null : { bankSlot: this.banks[r], signal: SIGNALS[this.signals[r]], value: this.values[r] };
  }

  bankSlotOf(id: number): number {
    const r = this.table.get(id);
    return r < 0 ? -1 : this.banks[r];
  }

  /** Adds or overwrites `id`, marking it for the current sweep. */
  put(id: number, bankSlot: number, signal: SignalType, value: string | undefined): void {
    let r = this.table.get(id);
    if (r < 0) {
      r = this.free.pop() ?? this.high++;
      if (r >= this.ids.length) this.grow();
      this.table.set(id, r);
    }
    this.ids[r] = id;
    this.banks[r] = bankSlot;
    this.signals[r] = SIGNALS.indexOf(signal);
    this.values[r] = value;
    this.marks[r] = 1;
  }

  delete(id: number): EntryRow | null {
    const r = this.table.delete(id);
    if (r < 0) return null;
    const row = { bankSlot: this.banks[r], signal: SIGNALS[this.signals[r]], value: this.values[r] };
    this.signals[r] = FREE;
    this.values[r] = undefined;
    this.free.push(r);
    return row;
  }

  /** Starts a mark-and-sweep over one bank's rows: a reload marks what it still finds, the rest is removed. */
  unmarkBank(bankSlot: number): void {
    for (let r = 0; r < this.high; r++) if (this.signals[r] !== FREE && this.banks[r] === bankSlot) this.marks[r] = 0;
  }

  /** Ids of the bank's rows: all of them, or only those left unmarked since unmarkBank. */
  idsOfBank(bankSlot: number, onlyUnmarked = false): number[] {
    const out: number[] = [];
    for (let r = 0; r < this.high; r++) {
      if (this.signals[r] !== FREE && this.banks[r] === bankSlot && (!onlyUnmarked || this.marks[r] === 0)) out.push(this.ids[r]);
    }
    return out;
  }

  private grow(): void {
    const cap = this.ids.length * 2;
    const ids = new Float64Array(cap);
    ids.set(this.ids);
    const banks = new Uint16Array(cap);
    banks.set(this.banks);
    const signals = new Uint8Array(cap).fill(FREE);
    signals.set(this.signals);
    const marks = new Uint8Array(cap);
    marks.set(this.marks);
    Object.assign(this, { ids, banks, signals, marks });
  }
}
