import { PdqIndex } from '../lib/matching/mih-index';
const N = 1_000_000;
const idx = new PdqIndex({ expectedSize: N });
const h = new Uint32Array(8);
let s = 1;
const next = () => { s ^= s << 13; s ^= s >>> 17; s ^= s << 5; return s >>> 0; };
for (let i = 0; i < N; i++) { for (let m = 0; m < 8; m++) h[m] = next(); idx.add(i, h); }
idx.query(h, 31);
const qs = Array.from({ length: 8000 }, () => Uint32Array.from({ length: 8 }, next));
const slots = (idx as any).slots; const words = (idx as any).words;
for (let r = 0; r < 5; r++) {
  let t = performance.now(); for (const q of qs) idx.mihQuery(q, 31); const a = (performance.now() - t) / qs.length;
  t = performance.now(); for (const q of qs) slots.search(words, q, 31, () => {}); const b = (performance.now() - t) / qs.length;
  console.log('mihQuery', a.toFixed(4), 'search', b.toFixed(4));
}
for (let r = 0; r < 3; r++) {
  let t = performance.now(); for (let i = 0; i < 2000; i++) slots.search(words, qs[0], 31, () => {}); const a = (performance.now() - t) / 2000;
  console.log('same query repeated (cached)', a.toFixed(4));
}
