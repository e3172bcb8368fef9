/**
 * Bulk inserts for the benchmark seed: one `INSERT … SELECT FROM unnest($1::type[], …)` per chunk. Arrays are
 * single parameters, so a chunk is not limited by Postgres' 65,535-parameter cap, and 100,000 rows take seconds.
 */
import type pg from 'pg';

export type Column = [name: string, pgType: string];

export async function insertColumns(client: pg.Client, table: string, columns: Column[], values: unknown[][], chunk = 20_000): Promise<void> {
  const rows = values[0]?.length ?? 0;
  const names = columns.map(([n]) => `"${n}"`).join(', ');
  const unnest = columns.map(([, t], i) => `$${i + 1}::${t}[]`).join(', ');
  const sql = `insert into "${table}" (${names}) select * from unnest(${unnest})`;
  for (let start = 0; start < rows; start += chunk) {
    await client.query(sql, values.map((col) => col.slice(start, start + chunk)));
  }
}

/** Deterministic PRNG (mulberry32): the same seed gives the same data set on every machine. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Picks from weighted choices with one random draw. */
export function weighted<T>(r: number, choices: [T, number][]): T {
  const total = choices.reduce((s, [, w]) => s + w, 0);
  let x = r * total;
  for (const [v, w] of choices) {
    if ((x -= w) < 0) return v;
  }
  return choices[choices.length - 1][0];
}
