import { PdqIndex } from '../lib/matching/mih-index';
const N = 1_000_000;
const idx = new PdqIndex({ expectedSize: N });
const h = new Uint32Array(8);
let s = 1;
const next = () => { s ^= s << 13; s ^= s >>> 17; s ^= s << 5; return s >>> 0; };
for (let i = 0; i < N; i++) { for (let m = 0; m < 8; m++) h[m] = next(); idx.add(i, h); }
idx.query(h, 31);
const qs = Array.from({ length: 2000 }, () => Uint32Array.from({ length: 8 }, next));
for (let r = 0; r < 3; r++) {
let t = performance.now();
let n = 0;
for (const q of qs) n += idx.mihQuery(q, 31).length;
console.log('mih per query ms', ((performance.now() - t) / qs.length).toFixed(4), n);
}
const slots = (idx as any).slots; const post = slots.postings as Int32Array[]; const off = slots.offsets as Uint32Array[];
let tot = 0; for (const q of qs.slice(0, 100)) for (let s2 = 0; s2 < 16; s2++) { const qv = (q[s2 >> 1] >>> ((s2 & 1) << 4)) & 0xffff; for (let f = -1; f < 16; f++) { const v = f < 0 ? qv : qv ^ (1 << f); tot += off[s2][v + 1] - off[s2][v]; } }
console.log('avg candidates', tot / 100, post[0].length);
import { distanceWithin } from '../lib/matching/hash-distance';
const words = (idx as any).words as Uint32Array;
function search2(q: Uint32Array, t: number) {
  let c = 0;
  for (let s2 = 0; s2 < 16; s2++) {
    const qv = (q[s2 >> 1] >>> ((s2 & 1) << 4)) & 0xffff;
    const o = off[s2], p2 = post[s2];
    for (let f = -1; f < 16; f++) {
      const v = f < 0 ? qv : qv ^ (1 << f);
      for (let p = o[v], end = o[v + 1]; p < end; p++) { const d = distanceWithin(words, p2[p], q, t); if (d <= t) c++; }
    }
  }
  return c;
}
function countOnly(q: Uint32Array) {
  let c = 0;
  for (let s2 = 0; s2 < 16; s2++) {
    const qv = (q[s2 >> 1] >>> ((s2 & 1) << 4)) & 0xffff;
    const o = off[s2], p2 = post[s2];
    for (let f = -1; f < 16; f++) {
      const v = f < 0 ? qv : qv ^ (1 << f);
      for (let p = o[v], end = o[v + 1]; p < end; p++) { c += p2[p] & 1; }
    }
  }
  return c;
}
for (let r = 0; r < 3; r++) {
  let t = performance.now(); for (const q of qs) search2(q, 31); console.log('search2', ((performance.now() - t) / qs.length).toFixed(4));
  t = performance.now(); for (const q of qs) countOnly(q); console.log('countOnly', ((performance.now() - t) / qs.length).toFixed(4));
}
import { popcount32 } from '../lib/hashing/popcount';
const starts = new Int32Array(272), ends = new Int32Array(272);
let cand = new Int32Array(1 << 16);
const touch = new Int32Array(1 << 16);
function search3(q: Uint32Array, t: number) {
  let k = 0;
  for (let s2 = 0; s2 < 16; s2++) {
    const qv = (q[s2 >> 1] >>> ((s2 & 1) << 4)) & 0xffff;
    const o = off[s2];
    starts[k] = o[qv]; ends[k] = o[qv + 1]; k++;
    for (let f = 0; f < 16; f++) { const v = qv ^ (1 << f); starts[k] = o[v]; ends[k] = o[v + 1]; k++; }
  }
  let n = 0;
  for (let b = 0; b < 272; b++) {
    const p2 = post[(b / 17) | 0];
    for (let p = starts[b], end = ends[b]; p < end; p++) cand[n++] = p2[p];
  }
  let acc = 0;
  for (let i = 0; i < n; i++) acc ^= words[cand[i] << 3];
  touch[0] = acc;
  const q0 = q[0], q1 = q[1], q2 = q[2], q3 = q[3], q4 = q[4], q5 = q[5], q6 = q[6], q7 = q[7];
  let c = 0;
  for (let i = 0; i < n; i++) {
    const b = cand[i] << 3;
    let d = popcount32(q0 ^ words[b]) + popcount32(q1 ^ words[b + 1]) + popcount32(q2 ^ words[b + 2]);
    if (d > t) continue;
    d += popcount32(q3 ^ words[b + 3]) + popcount32(q4 ^ words[b + 4]) + popcount32(q5 ^ words[b + 5]) + popcount32(q6 ^ words[b + 6]) + popcount32(q7 ^ words[b + 7]);
    if (d <= t) c++;
  }
  return c;
}
for (let r = 0; r < 3; r++) {
  let t = performance.now(); for (const q of qs) search3(q, 31); console.log('search3', ((performance.now() - t) / qs.length).toFixed(4));
}
function stageTimes() {
  let tA = 0, tB = 0, tC = 0, tD = 0, totalN = 0;
  for (const q of qs) {
    let t0 = performance.now();
    let k = 0;
    for (let s2 = 0; s2 < 16; s2++) {
      const qv = (q[s2 >> 1] >>> ((s2 & 1) << 4)) & 0xffff;
      const o = off[s2];
      starts[k] = o[qv]; ends[k] = o[qv + 1]; k++;
      for (let f = 0; f < 16; f++) { const v = qv ^ (1 << f); starts[k] = o[v]; ends[k] = o[v + 1]; k++; }
    }
    let t1 = performance.now();
    let n = 0;
    for (let b = 0; b < 272; b++) {
      const p2 = post[(b / 17) | 0];
      for (let p = starts[b], end = ends[b]; p < end; p++) cand[n++] = p2[p];
    }
    let t2 = performance.now();
    let acc = 0;
    for (let i = 0; i < n; i++) acc ^= words[cand[i] << 3];
    touch[0] = acc;
    let t3 = performance.now();
    const q0 = q[0], q1 = q[1], q2 = q[2], q3 = q[3], q4 = q[4], q5 = q[5], q6 = q[6], q7 = q[7];
    let c = 0;
    for (let i = 0; i < n; i++) {
      const b = cand[i] << 3;
      let d = popcount32(q0 ^ words[b]) + popcount32(q1 ^ words[b + 1]) + popcount32(q2 ^ words[b + 2]);
      if (d > 31) continue;
      c++;
    }
    touch[1] = c;
    let t4 = performance.now();
    tA += t1 - t0; tB += t2 - t1; tC += t3 - t2; tD += t4 - t3; totalN += n;
  }
  const m = qs.length;
  console.log('offsets', (tA / m).toFixed(4), 'gather', (tB / m).toFixed(4), 'touch', (tC / m).toFixed(4), 'compute', (tD / m).toFixed(4), 'n', totalN / m);
}
for (let r = 0; r < 4; r++) stageTimes();
