import { PdqIndex } from '../lib/matching/mih-index';
import { popcount3 } from '../lib/hashing/popcount';
const N = 1_000_000;
const idx = new PdqIndex({ expectedSize: N });
const h = new Uint32Array(8);
let s = 1;
const next = () => { s ^= s << 13; s ^= s >>> 17; s ^= s << 5; return s >>> 0; };
for (let i = 0; i < N; i++) { for (let m = 0; m < 8; m++) h[m] = next(); idx.add(i, h); }
idx.query(h, 31);
const qs = Array.from({ length: 4000 }, () => Uint32Array.from({ length: 8 }, next));
const slots = (idx as any).slots; const off = slots.offsets as Int32Array[]; const post = slots.postings as Int32Array[];
function plain(q: Uint32Array, t: number) {
  let c = 0;
  for (let s2 = 0; s2 < 16; s2++) {
    const m = s2 >> 1;
    const qa = q[(m + 1) & 7] | 0, qb = q[(m + 2) & 7] | 0, qc = q[(m + 3) & 7] | 0;
    const qv = (q[m] >>> ((s2 & 1) << 4)) & 0xffff;
    const o = off[s2], P = post[s2];
    for (let f = -1; f < 16; f++) {
      const v = f < 0 ? qv : qv ^ (1 << f);
      for (let p = o[v] << 2, end = o[v + 1] << 2; p < end; p += 4) {
        if (popcount3(qa ^ P[p + 1], qb ^ P[p + 2], qc ^ P[p + 3]) > t) continue;
        c++;
      }
    }
  }
  return c;
}
const starts = new Int32Array(272), ends = new Int32Array(272);
function staged(q: Uint32Array, t: number) {
  let k = 0;
  for (let s2 = 0; s2 < 16; s2++) {
    const qv = (q[s2 >> 1] >>> ((s2 & 1) << 4)) & 0xffff;
    const o = off[s2];
    starts[k] = o[qv] << 2; ends[k] = o[qv + 1] << 2; k++;
    for (let f = 0; f < 16; f++) { const v = qv ^ (1 << f); starts[k] = o[v] << 2; ends[k] = o[v + 1] << 2; k++; }
  }
  let acc = 0;
  for (let s2 = 0, b = 0; s2 < 16; s2++) { const P = post[s2]; for (let f = 0; f < 17; f++, b++) if (starts[b] < ends[b]) acc ^= P[starts[b]]; }
  let c = acc & 0;
  for (let s2 = 0, b = 0; s2 < 16; s2++) {
    const m = s2 >> 1;
    const qa = q[(m + 1) & 7] | 0, qb = q[(m + 2) & 7] | 0, qc = q[(m + 3) & 7] | 0;
    const P = post[s2];
    for (let f = 0; f < 17; f++, b++) {
      for (let p = starts[b], end = ends[b]; p < end; p += 4) {
        if (popcount3(qa ^ P[p + 1], qb ^ P[p + 2], qc ^ P[p + 3]) > t) continue;
        c++;
      }
    }
  }
  return c;
}
const T = new Uint8Array(65536); for (let i = 1; i < 65536; i++) T[i] = T[i >> 1] + (i & 1);
function stagedT(q: Uint32Array, t: number) {
  let k = 0;
  for (let s2 = 0; s2 < 16; s2++) {
    const qv = (q[s2 >> 1] >>> ((s2 & 1) << 4)) & 0xffff;
    const o = off[s2];
    starts[k] = o[qv] << 2; ends[k] = o[qv + 1] << 2; k++;
    for (let f = 0; f < 16; f++) { const v = qv ^ (1 << f); starts[k] = o[v] << 2; ends[k] = o[v + 1] << 2; k++; }
  }
  let acc = 0;
  for (let s2 = 0, b = 0; s2 < 16; s2++) { const P = post[s2]; for (let f = 0; f < 17; f++, b++) if (starts[b] < ends[b]) acc ^= P[starts[b]]; }
  let c = acc & 0;
  for (let s2 = 0, b = 0; s2 < 16; s2++) {
    const m = s2 >> 1;
    const qa = q[(m + 1) & 7] | 0, qb = q[(m + 2) & 7] | 0, qc = q[(m + 3) & 7] | 0;
    const P = post[s2];
    for (let f = 0; f < 17; f++, b++) {
      for (let p = starts[b], end = ends[b]; p < end; p += 4) {
        const x = qa ^ P[p + 1], y = qb ^ P[p + 2], z = qc ^ P[p + 3];
        if (T[x & 0xffff] + T[x >>> 16] + T[y & 0xffff] + T[y >>> 16] + T[z & 0xffff] + T[z >>> 16] > t) continue;
        c++;
      }
    }
  }
  return c;
}
// sanity: (b*3855)>>>16 == floor(b/17) for b<272

for (let r = 0; r < 5; r++) {
  let t = performance.now(); let c1 = 0; for (const q of qs) c1 += plain(q, 31); const a = (performance.now() - t) / qs.length;
  t = performance.now(); let c2 = 0; for (const q of qs) c2 += staged(q, 31); const b = (performance.now() - t) / qs.length;
  t = performance.now(); let c3 = 0; for (const q of qs) c3 += stagedT(q, 31); const d = (performance.now() - t) / qs.length;
  console.log('plain', a.toFixed(4), 'staged', b.toFixed(4), 'stagedT', d.toFixed(4), c1, c2, c3);
}
