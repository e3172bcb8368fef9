import { PdqIndex } from '../lib/matching/mih-index';
const N = 1_000_000;
const idx = new PdqIndex({ expectedSize: N });
const h = new Uint32Array(8);
let s = 1;
const next = () => { s ^= s << 13; s ^= s >>> 17; s ^= s << 5; return s >>> 0; };
for (let i = 0; i < N; i++) { for (let m = 0; m < 8; m++) h[m] = next(); idx.add(i, h); }
idx.query(h, 31);
const qs = Array.from({ length: 2000 }, () => Uint32Array.from({ length: 8 }, next));
import { popcount3, popcount32 } from '../lib/hashing/popcount';
const words = (idx as any).words as Uint32Array;
const slots = (idx as any).slots; const off = slots.offsets as Int32Array[];
// Build sketch postings: [e, w(m+1), w(m+2), w(m+3)]
const post4: Int32Array[] = [];
const postOld = slots.postings as Int32Array[];
for (let s2 = 0; s2 < 16; s2++) { const m = s2 >> 1; const P = new Int32Array(N * 4); const old = postOld[s2];
  for (let i = 0; i < N; i++) { const e = old[i]; P[i*4] = e; P[i*4+1] = words[e*8 + ((m+1)&7)]; P[i*4+2] = words[e*8 + ((m+2)&7)]; P[i*4+3] = words[e*8 + ((m+3)&7)]; }
  post4.push(P); }
function search4(q: Uint32Array, t: number) {
  let c = 0;
  for (let s2 = 0; s2 < 16; s2++) {
    const m = s2 >> 1;
    const qa = q[(m + 1) & 7] | 0, qb = q[(m + 2) & 7] | 0, qc = q[(m + 3) & 7] | 0;
    const qv = (q[m] >>> ((s2 & 1) << 4)) & 0xffff;
    const o = off[s2], P = post4[s2];
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
for (let r = 0; r < 6; r++) {
  let t = performance.now(); let c = 0; for (const q of qs) c += search4(q, 31); console.log('search4', ((performance.now() - t) / qs.length).toFixed(4), c);
  t = performance.now(); for (const q of qs) idx.mihQuery(q, 31); console.log('current', ((performance.now() - t) / qs.length).toFixed(4));
}
