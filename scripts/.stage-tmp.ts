import { PdqIndex } from '../lib/matching/mih-index';
import { popcount3 } from '../lib/hashing/popcount';
const N = 1_000_000;
const idx = new PdqIndex({ expectedSize: N });
const h = new Uint32Array(8);
let s = 1;
const next = () => { s ^= s << 13; s ^= s >>> 17; s ^= s << 5; return s >>> 0; };
for (let i = 0; i < N; i++) { for (let m = 0; m < 8; m++) h[m] = next(); idx.add(i, h); }
idx.query(h, 31);
const qs = Array.from({ length: 8000 }, () => Uint32Array.from({ length: 8 }, next));
const slots = (idx as any).slots; const off = slots.offsets as Int32Array[]; const post = slots.postings as Int32Array[];
const starts = new Int32Array(272), ends = new Int32Array(272);
let sink = 0;
const T = [0, 0, 0];
function run(q: Uint32Array, mode: number) {
  const t0 = performance.now();
  for (let s2 = 0, k = 0; s2 < 16; s2++) {
    const o = off[s2]; const qv = (q[s2 >> 1] >>> ((s2 & 1) << 4)) & 0xffff;
    for (let f = -1; f < 16; f++, k++) { const v = f < 0 ? qv : qv ^ (1 << f); starts[k] = o[v] * 4; ends[k] = o[v + 1] * 4; }
  }
  const t1 = performance.now();
  let touched = 0;
  if (mode === 0) { for (let s2 = 0, k = 0; s2 < 16; s2++) { const P = post[s2]; for (let f = -1; f < 16; f++, k++) for (let p = starts[k], e = ends[k]; p < e; p += 16) touched ^= P[p]; } }
  else if (mode === 1) { for (let s2 = 0, k = 0; s2 < 16; s2++) { const P = post[s2]; for (let f = -1; f < 16; f++, k++) if (starts[k] < ends[k]) touched ^= P[starts[k]]; } }
  else { for (let s2 = 0, k = 0; s2 < 16; s2++) { const P = post[s2]; for (let f = -1; f < 16; f++, k++) { const a = starts[k], last = ends[k] - 1; if (a <= last) touched ^= P[a] ^ P[Math.min(a + 16, last)] ^ P[Math.min(a + 32, last)] ^ P[Math.min(a + 48, last)] ^ P[Math.min(a + 64, last)]; } } }
  sink ^= touched;
  const t2 = performance.now();
  let c = 0;
  for (let s2 = 0, k = 0; s2 < 16; s2++) {
    const m = s2 >> 1; const qa = q[(m + 1) & 7] | 0, qb = q[(m + 2) & 7] | 0, qc = q[(m + 3) & 7] | 0; const P = post[s2];
    for (let f = -1; f < 16; f++, k++) for (let p = starts[k], e = ends[k]; p < e; p += 4) { if (popcount3(qa ^ P[p + 1], qb ^ P[p + 2], qc ^ P[p + 3]) > 31) continue; c++; }
  }
  sink ^= c;
  const t3 = performance.now();
  T[0] += t1 - t0; T[1] += t2 - t1; T[2] += t3 - t2;
}
for (let r = 0; r < 9; r++) { T.fill(0); for (const q of qs) run(q, r % 3); console.log('mode', r % 3, 'offsets', (T[0] / qs.length * 1000).toFixed(1), 'us touch', (T[1] / qs.length * 1000).toFixed(1), 'us compute', (T[2] / qs.length * 1000).toFixed(1), 'us'); }
