/**
 * PdqIndex benchmark: a bank of N hashes (random, plus clusters of near-duplicates), >= 10,000 lookups of 8
 * variants each (half plant a bank hash with a few flipped bits, half miss), MIH against a linear scan on a subset
 * in the same run. Last line is JSON. Usage: npm run bench:match -- --size 1000000 [--lookups 10000]
 */
import { PdqIndex } from '../lib/matching/mih-index';

const THRESHOLD = 31;
const VARIANTS = 8;

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(v) || v <= 0) throw new Error(`--${name} must be a positive integer`);
  return v;
}

/** xorshift128: seeded so runs are comparable, and far faster than crypto for 80M words. */
function rng(seed: number): () => number {
  let a = seed >>> 0 || 1, b = 362436069, c = 521288629, d = 88675123;
  return () => {
    const t = a ^ (a << 11);
    a = b; b = c; c = d;
    d = (d ^ (d >>> 19) ^ (t ^ (t >>> 8))) >>> 0;
    return d;
  };
}

function flipBits(words: Uint32Array, at: number, bits: number, next: () => number): void {
  for (let k = 0; k < bits; k++) {
    const bit = next() & 255;
    words[at + (bit >>> 5)] ^= 1 << (bit & 31);
  }
}

function percentile(sorted: Float64Array, p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

const round3 = (n: number) => Math.round(n * 1000) / 1000;

function main(): void {
  const size = arg('size', 1_000_000);
  const lookups = arg('lookups', 10_000);
  const next = rng(42);

  // Bank: 90% random, 10% in clusters of 10 (a base plus 9 copies 1-8 bits away).
  const t0 = performance.now();
  const index = new PdqIndex({ expectedSize: size });
  const h = new Uint32Array(8);
  const base = new Uint32Array(8);
  const clustered = Math.floor(size / 10);
  for (let id = 0; id < size; id++) {
    if (id < clustered) {
      if (id % 10 === 0) for (let m = 0; m < 8; m++) base[m] = next();
      h.set(base);
      if (id % 10 !== 0) flipBits(h, 0, 1 + (next() & 7), next);
    } else {
      for (let m = 0; m < 8; m++) h[m] = next();
    }
    index.add(id, h);
  }
  index.query(h, THRESHOLD); // buckets the bank
  const buildS = (performance.now() - t0) / 1000;

  // Lookups: 8 variant hashes each. Hits plant a bank hash with 1-12 flipped bits as one variant.
  const queries = new Uint32Array(lookups * VARIANTS * 8);
  for (let i = 0; i < queries.length; i++) queries[i] = next();
  for (let l = 0; l < lookups; l += 2) {
    const at = (l * VARIANTS + (next() % VARIANTS)) * 8;
    const hex = index.get(next() % size)!;
    for (let m = 0; m < 8; m++) queries[at + m] = parseInt(hex.slice((7 - m) * 8, (8 - m) * 8), 16);
    flipBits(queries, at, 1 + (next() % 12), next);
  }
  const variantsOf = (l: number) =>
    Array.from({ length: VARIANTS }, (_, v) => {
      const at = (l * VARIANTS + v) * 8;
      return { name: `v${v}`, hash: queries.subarray(at, at + 8) };
    });

  const times = new Float64Array(lookups);
  let hits = 0;
  for (let l = 0; l < lookups; l++) {
    const variants = variantsOf(l);
    const s = performance.now();
    const found = index.queryDihedral(variants, THRESHOLD);
    times[l] = performance.now() - s;
    if (found.length > 0) hits++;
  }
  times.sort();

  // Linear scan on a subset sized to take a few seconds; results must agree with MIH.
  const linearLookups = Math.max(4, Math.min(200, Math.floor(2e8 / size)));
  const linearTimes = new Float64Array(linearLookups);
  let disagreements = 0;
  for (let k = 0; k < linearLookups; k++) {
    const l = Math.floor((k * lookups) / linearLookups);
    const variants = variantsOf(l);
    const s = performance.now();
    const found = new Map<number, number>();
    for (const v of variants) {
      for (const m of index.linearQuery(v.hash, THRESHOLD)) found.set(m.id, Math.min(m.distance, found.get(m.id) ?? 256));
    }
    linearTimes[k] = performance.now() - s;
    const mih = index.queryDihedral(variants, THRESHOLD);
    if (mih.length !== found.size || mih.some((m) => found.get(m.id) !== m.distance)) disagreements++;
  }
  linearTimes.sort();

  const median = percentile(times, 0.5);
  const linearMedian = percentile(linearTimes, 0.5);
  const rssMb = process.resourceUsage().maxRSS / 1024;
  console.log(`bank ${size}, ${lookups} lookups x ${VARIANTS} variants, threshold ${THRESHOLD}: ${hits} matched`);
  console.log(`MIH median ${median.toFixed(3)} ms, p99 ${percentile(times, 0.99).toFixed(3)} ms per lookup`);
  console.log(`linear median ${linearMedian.toFixed(3)} ms per lookup (${linearLookups} lookups)`);
  console.log(`lookups where MIH and linear results differ: ${disagreements}`);
  if (disagreements > 0) process.exitCode = 1;
  console.log(JSON.stringify({
    size,
    lookup_median_ms: round3(median),
    lookup_p99_ms: round3(percentile(times, 0.99)),
    linear_median_ms: round3(linearMedian),
    speedup: Math.round((linearMedian / median) * 10) / 10,
    build_s: round3(buildS),
    rss_mb: Math.round(rssMb),
  }));
}

main();
