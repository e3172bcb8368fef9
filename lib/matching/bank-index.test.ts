import { describe, expect, it } from 'vitest';
import { BankIndex, type BankInfo } from './bank-index';
import { flipBits, md5Of, randomHash, rng, sha256Of } from './test-hashes';

const bank = (id: string, kind: BankInfo['kind'] = 'match', severity = 3): BankInfo =>
  ({ id, name: `bank ${id}`, kind, label: 'other', severity, enabled: true });

function fixture() {
  const index = new BankIndex();
  index.setBank(bank('a', 'match', 5));
  index.setBank(bank('b', 'allow', 0));
  return index;
}

const next = rng(7);
const h1 = randomHash(next);

describe('BankIndex', () => {
  it('finds PDQ entries through any variant and reports bank, distance and variant', () => {
    const index = fixture();
    index.upsertEntry({ id: 1, bankId: 'a', signalType: 'pdq', value: flipBits(h1, 5) });
    index.upsertEntry({ id: 2, bankId: 'b', signalType: 'pdq', value: randomHash(next) });
    const hits = index.queryPdq([{ name: 'original', hash: randomHash(next) }, { name: 'rot90', hash: h1 }], 31);
    expect(hits).toEqual([{ entryId: 1, bank: bank('a', 'match', 5), signalType: 'pdq', distance: 5, variant: 'rot90' }]);
    expect(index.stats()).toMatchObject({ entries: 2, pdq: 2, banks: 2 });
  });

  it('looks up MD5 and SHA-256 exactly, case-insensitively, including a value shared by two banks', () => {
    const index = fixture();
    index.upsertEntry({ id: 10, bankId: 'a', signalType: 'md5', value: md5Of(1).toUpperCase() });
    index.upsertEntry({ id: 11, bankId: 'b', signalType: 'md5', value: md5Of(1) });
    index.upsertEntry({ id: 12, bankId: 'a', signalType: 'sha256', value: sha256Of(1) });
    expect(index.lookupExact('md5', md5Of(1)).map((h) => [h.entryId, h.bank.kind, h.distance])).toEqual([[10, 'match', 0], [11, 'allow', 0]]);
    expect(index.lookupExact('sha256', sha256Of(1).toUpperCase()).map((h) => h.entryId)).toEqual([12]);
    expect(index.lookupExact('md5', md5Of(2))).toEqual([]);
    index.removeEntry(10);
    expect(index.lookupExact('md5', md5Of(1)).map((h) => h.entryId)).toEqual([11]);
    expect(index.stats()).toMatchObject({ entries: 2, md5: 1, sha256: 1 });
  });

  it('refuses malformed values and entries of unknown banks', () => {
    const index = fixture();
    expect(index.upsertEntry({ id: 1, bankId: 'a', signalType: 'pdq', value: 'abc' })).toBe(false);
    expect(index.upsertEntry({ id: 2, bankId: 'a', signalType: 'md5', value: sha256Of(1) })).toBe(false);
    expect(index.size).toBe(0);
    expect(() => index.upsertEntry({ id: 3, bankId: 'zz', signalType: 'md5', value: md5Of(1) })).toThrow();
  });

  it('moves an entry between signals and values without leaving a stale copy', () => {
    const index = fixture();
    index.upsertEntry({ id: 5, bankId: 'a', signalType: 'md5', value: md5Of(5) });
    index.upsertEntry({ id: 5, bankId: 'a', signalType: 'pdq', value: h1 });
    expect(index.lookupExact('md5', md5Of(5))).toEqual([]);
    expect(index.queryPdq([{ name: 'original', hash: h1 }], 0).map((h) => h.entryId)).toEqual([5]);
    index.upsertEntry({ id: 5, bankId: 'a', signalType: 'sha256', value: sha256Of(5) });
    expect(index.queryPdq([{ name: 'original', hash: h1 }], 31)).toEqual([]);
    expect(index.lookupExact('sha256', sha256Of(5)).map((h) => h.entryId)).toEqual([5]);
    expect(index.size).toBe(1);
  });

  it('reloads a bank by mark and sweep, and drops a whole bank', () => {
    const index = fixture();
    for (let id = 1; id <= 5; id++) index.upsertEntry({ id, bankId: 'a', signalType: 'md5', value: md5Of(id) });
    index.upsertEntry({ id: 99, bankId: 'b', signalType: 'md5', value: md5Of(99) });
    index.beginBankReload('a');
    for (const id of [2, 4, 6]) index.upsertEntry({ id, bankId: 'a', signalType: 'md5', value: md5Of(id) });
    expect(index.finishBankReload('a')).toBe(3);
    expect([1, 2, 3, 4, 5, 6, 99].filter((id) => index.has(id))).toEqual([2, 4, 6, 99]);
    index.setBank({ ...bank('a', 'match', 5), severity: 2 });
    expect(index.lookupExact('md5', md5Of(2))[0].bank.severity).toBe(2);
    expect(index.removeBankEntries('a')).toBe(3);
    expect(index.size).toBe(1);
  });

  it('reuses freed rows and grows past its first allocation', () => {
    const index = fixture();
    for (let id = 0; id < 3000; id++) index.upsertEntry({ id: id * 7 + 2 ** 40, bankId: 'a', signalType: 'md5', value: md5Of(id) });
    for (let id = 0; id < 3000; id += 2) index.removeEntry(id * 7 + 2 ** 40);
    for (let id = 3000; id < 4500; id++) index.upsertEntry({ id: id * 7 + 2 ** 40, bankId: 'b', signalType: 'md5', value: md5Of(id) });
    expect(index.size).toBe(3000);
    expect(index.lookupExact('md5', md5Of(2999))[0]).toMatchObject({ entryId: 2999 * 7 + 2 ** 40, bank: { id: 'a' } });
    expect(index.lookupExact('md5', md5Of(4000))[0].bank.id).toBe('b');
    expect(index.removeBankEntries('b')).toBe(1500);
  });
});
