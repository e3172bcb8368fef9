import type { FakeBanks } from './fake-kit';

/** `name=<hex>,<hex>` flags (the fakes' main.ts) into banks. */
export function banksFromArgs(args: string[]): FakeBanks {
  const banks: FakeBanks = {};
  for (const a of args) {
    const eq = a.indexOf('=');
    if (eq <= 0) throw new Error(`--bank expects name=<hex>,<hex>: ${a}`);
    banks[a.slice(0, eq)] = a.slice(eq + 1).split(',').map((h) => h.trim().toLowerCase()).filter(Boolean);
  }
  return banks;
}
