import { PdqIndex } from '../lib/matching/mih-index';
import { distanceWithin } from '../lib/matching/hash-distance';
const N = 1_000_000;
const idx = new PdqIndex({ expectedSize: N });
const h = new Uint32Array(8);
let s = 1;
const next = () => { s ^= s << 13; s ^= s >>> 17; s ^= s << 5; return s >>> 0; };
for (let i = 0; i < N; i++) { for (let m = 0; m < 8; m++) h[m] = next(); idx.add(i, h); }
idx.query(h, 31);
const qs = Array.from({ length: 2000 }, () => Uint32Array.from({ length: 8 }, next));
let t = performance.now();
let n = 0;
for (const q of qs) n += idx.mihQuery(q, 31).length;
console.log('mih per query ms', ((performance.now() - t) / qs.length).toFixed(4), n);
// raw candidate loop
const words = (idx as any).words as Uint32Array;
const ent = new Int32Array(4150); for (let i = 0; i < ent.length; i++) ent[i] = next() % N;
function scan(q: Uint32Array) { let c = 0; for (let i = 0; i < ent.length; i++) { const d = distanceWithin(words, ent[i], q, 31); if (d <= 31) c++; } return c; }
for (let r = 0; r < 3; r++) { t = performance.now(); for (const q of qs) scan(q); console.log('raw 4150 random cands ms', ((performance.now() - t) / qs.length).toFixed(4)); }
const seq = new Int32Array(4150); for (let i = 0; i < seq.length; i++) seq[i] = i;
function scan2(q: Uint32Array) { let c = 0; for (let i = 0; i < seq.length; i++) { const d = distanceWithin(words, seq[i], q, 31); if (d <= 31) c++; } return c; }
for (let r = 0; r < 3; r++) { t = performance.now(); for (const q of qs) scan2(q); console.log('raw 4150 seq cands ms', ((performance.now() - t) / qs.length).toFixed(4)); }
