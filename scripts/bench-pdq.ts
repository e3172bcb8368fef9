/**
 * PDQ hashing throughput with decoding included, beside sharp's decode-only rate on the same JPEGs in the same
 * process (the machine's speed cancels out of the ratio). Usage: npm run bench:pdq -- [--count 100] [--rounds 3]
 */
import sharp from 'sharp';
import { decodeForPdq } from '../lib/hashing/decode';
import { pdqFromRgb, pdqHashBuffer } from '../lib/hashing/pdq';

const SIDE = 1000;

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(v) || v <= 0) throw new Error(`--${name} must be a positive integer`);
  return v;
}

/** Gradients plus seeded noise: photo-like entropy for the JPEG decoder, harmless content. */
async function syntheticJpeg(seed: number): Promise<Buffer> {
  const raw = Buffer.alloc(SIDE * SIDE * 3);
  let s = (seed * 2654435761) >>> 0 || 1;
  const fx = 1 + (seed % 7);
  const fy = 1 + ((seed >> 3) % 5);
  for (let y = 0, o = 0; y < SIDE; y++) {
    for (let x = 0; x < SIDE; x++) {
      s ^= s << 13; s ^= s >>> 17; s ^= s << 5;
      const noise = (s >>> 0) % 48;
      raw[o++] = ((x * fx) / 4 + noise) & 255;
      raw[o++] = ((y * fy) / 4 + noise) & 255;
      raw[o++] = (((x + y) * (fx + fy)) / 8 + 128 * Math.sin((x * fy + y * fx) / 97) + noise) & 255;
    }
  }
  return sharp(raw, { raw: { width: SIDE, height: SIDE, channels: 3 } }).jpeg({ quality: 85 }).toBuffer();
}

async function timeAll(bufs: Buffer[], fn: (b: Buffer) => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  for (const b of bufs) await fn(b);
  return (performance.now() - t0) / 1000;
}

async function main(): Promise<void> {
  const count = arg('count', 100);
  const rounds = arg('rounds', 3);
  const bufs: Buffer[] = [];
  for (let i = 0; i < count; i++) bufs.push(await syntheticJpeg(i + 1));
  const decodeOnly = (b: Buffer) => sharp(b).raw().toBuffer();
  await timeAll(bufs.slice(0, 5), decodeOnly);
  await timeAll(bufs.slice(0, 5), (b) => pdqHashBuffer(b));

  // Interleaved rounds so drift in machine load hits both sides alike; the best round of each is reported.
  let decodeS = Infinity;
  let hashS = Infinity;
  for (let r = 0; r < rounds; r++) {
    decodeS = Math.min(decodeS, await timeAll(bufs, decodeOnly));
    hashS = Math.min(hashS, await timeAll(bufs, (b) => pdqHashBuffer(b)));
  }

  const image = await decodeForPdq(bufs[0]);
  const reps = 200;
  const t0 = performance.now();
  for (let i = 0; i < reps; i++) pdqFromRgb(image);
  const pureMs = (performance.now() - t0) / reps;

  const decodePerS = count / decodeS;
  const hashPerS = count / hashS;
  console.log(`images: ${count} x ${SIDE}x${SIDE} JPEG, sharp concurrency ${sharp.concurrency()}`);
  console.log(`sharp decode only:    ${decodePerS.toFixed(1)} images/s`);
  const percent = ((hashPerS / decodePerS) * 100).toFixed(0);
  console.log(`PDQ incl. decode:     ${hashPerS.toFixed(1)} images/s (${percent}% of decode-only)`);
  console.log(`PDQ without decode (sampling, blur, DCT, 8 dihedral hashes): ${pureMs.toFixed(2)} ms/image`);
  console.log(JSON.stringify({
    images: count,
    decode_only_per_s: round1(decodePerS),
    pdq_with_decode_per_s: round1(hashPerS),
    ratio: Math.round((hashPerS / decodePerS) * 1000) / 1000,
    pdq_math_ms: Math.round(pureMs * 1000) / 1000,
  }));
}

const round1 = (n: number) => Math.round(n * 10) / 10;

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
});
