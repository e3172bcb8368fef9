/**
 * The matcher's in-memory state: a PdqIndex (multi-index hashing, see mih-index.ts) over the PDQ entries and exact
 * maps for MD5 and SHA-256, holding only enabled entries of enabled banks, plus the bank table each hit is reported
 * with. Pure data structure, no database: load-bank-index.ts fills it, sync-bank-index.ts keeps it following the
 * BankChange feed, index-holder.ts keeps the one instance per process.
 */
import { isPdqHex } from '../hashing/hex';
import { EntryRows, type SignalType } from './entry-rows';
import { ExactMap } from './exact-map';
import { PdqIndex } from './mih-index';

export type { SignalType } from './entry-rows';
export type BankKind = 'match' | 'allow';
export interface BankInfo { id: string; name: string; kind: BankKind; label: string | null; severity: number; enabled: boolean }
export interface EntryInput { id: number; bankId: string; signalType: SignalType; value: string }
export interface IndexHit { entryId: number; bank: BankInfo; signalType: SignalType; distance: number; variant: string }

const EXACT_FORMAT = { md5: /^[0-9a-f]{32}$/, sha256: /^[0-9a-f]{64}$/ } as const;

export class BankIndex {
  private pdq: PdqIndex;
  private exact = { md5: new ExactMap(), sha256: new ExactMap() };
  private rows = new EntryRows();
  // Banks are few and never reuse a slot, so a row's 16-bit slot always names the same bank.
  private banks: BankInfo[] = [];
  private slots = new Map<string, number>();

  constructor(expectedSize = 0) {
    this.pdq = new PdqIndex({ expectedSize });
  }

  get size(): number {
    return this.rows.size;
  }

  stats(): { entries: number; pdq: number; md5: number; sha256: number; banks: number } {
    return { entries: this.rows.size, pdq: this.pdq.size, md5: this.exact.md5.size, sha256: this.exact.sha256.size, banks: this.slots.size };
  }

  setBank(info: BankInfo): void {
    const slot = this.slots.get(info.id);
    if (slot !== undefined) this.banks[slot] = info;
    else {
      if (this.banks.length > 0xffff) throw new Error('BankIndex: too many banks');
      this.slots.set(info.id, this.banks.length);
      this.banks.push(info);
    }
  }

  bank(id: string): BankInfo | undefined {
    const slot = this.slots.get(id);
    return slot === undefined ? undefined : this.banks[slot];
  }

  has(entryId: number): boolean {
    return this.rows.get(entryId) !== null;
  }

  /** Adds or updates an entry of a bank already set; false (and nothing stored) when the value is malformed. */
  upsertEntry(e: EntryInput): boolean {
    const slot = this.slots.get(e.bankId);
    if (slot === undefined) throw new Error('BankIndex: entry of an unknown bank');
    const value = e.value.toLowerCase();
    if (e.signalType === 'pdq' ? !isPdqHex(value) : !EXACT_FORMAT[e.signalType].test(value)) return false;
    const prev = this.rows.get(e.id);
    if (prev && prev.signal !== 'pdq' && (prev.signal !== e.signalType || prev.value !== value)) this.removeEntry(e.id);
    if (e.signalType === 'pdq') {
      // Reloading a bank re-sends unchanged entries; re-adding them would only pile up tombstones.
      if (prev?.signal !== 'pdq' || this.pdq.get(e.id) !== value) this.pdq.add(e.id, value);
      this.rows.put(e.id, slot, 'pdq', undefined);
    } else {
      if (prev?.signal === 'pdq') this.pdq.remove(e.id);
      this.exact[e.signalType].add(value, e.id);
      this.rows.put(e.id, slot, e.signalType, value);
    }
    return true;
  }

  removeEntry(entryId: number): boolean {
    const row = this.rows.delete(entryId);
    if (!row) return false;
    if (row.signal === 'pdq') this.pdq.remove(entryId);
    else if (row.value !== undefined) this.exact[row.signal].remove(row.value, entryId);
    return true;
  }

  /** Drops every entry of a bank (disabled or deleted); returns how many. */
  removeBankEntries(bankId: string): number {
    const slot = this.slots.get(bankId);
    if (slot === undefined) return 0;
    const ids = this.rows.idsOfBank(slot);
    for (const id of ids) this.removeEntry(id);
    return ids.length;
  }

  /** Reload protocol: beginBankReload, upsertEntry for every entry still enabled, finishBankReload drops the rest. */
  beginBankReload(bankId: string): void {
    const slot = this.slots.get(bankId);
    if (slot !== undefined) this.rows.unmarkBank(slot);
  }

  finishBankReload(bankId: string): number {
    const slot = this.slots.get(bankId);
    if (slot === undefined) return 0;
    const gone = this.rows.idsOfBank(slot, true);
    for (const id of gone) this.removeEntry(id);
    return gone.length;
  }

  /** Every PDQ entry within `threshold` of any variant, with the closest variant per entry. */
  queryPdq(variants: ReadonlyArray<{ name: string; hash: string }>, threshold: number): IndexHit[] {
    if (this.pdq.size === 0) return [];
    return this.pdq.queryDihedral(variants, threshold).map((m) => this.hit(m.id, 'pdq', m.distance, m.variant));
  }

  lookupExact(signal: 'md5' | 'sha256', value: string): IndexHit[] {
    return this.exact[signal].get(value.toLowerCase()).map((id) => this.hit(id, signal, 0, 'original'));
  }

  private hit(entryId: number, signalType: SignalType, distance: number, variant: string): IndexHit {
    return { entryId, bank: this.banks[this.rows.bankSlotOf(entryId)], signalType, distance, variant };
  }
}
