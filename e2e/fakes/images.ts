/**
 * Synthetic, harmless test images: abstract gradients and shapes rendered from SVG by sharp.
 * Tests and the demo must never use real material, so every image the fakes serve comes from here.
 */
import zlib from 'node:zlib';
import sharp from 'sharp';
import { createRng, intBetween, pick, type Rng } from './prng';

export type SyntheticFormat = 'png' | 'jpeg' | 'gif' | 'webp';

export interface SyntheticImageOptions {
  width?: number;
  height?: number;
  format?: SyntheticFormat;
}

const PALETTE = ['#264653', '#2a9d8f', '#e9c46a', '#f4a261', '#e76f51', '#6d597a', '#355070', '#b56576', '#83c5be'];

// Rendering costs ~100 ms; fakes serve the same media many times, so keep results per (seed, size, format).
const cache = new Map<string, Promise<Buffer>>();

export function syntheticImage(seed: number, opts: SyntheticImageOptions = {}): Promise<Buffer> {
  const width = opts.width ?? 640;
  const height = opts.height ?? 480;
  const format = opts.format ?? 'png';
  const key = `${seed}:${width}x${height}:${format}`;
  let hit = cache.get(key);
  if (!hit) {
    hit = render(seed, width, height, format);
    hit.catch(() => cache.delete(key));
    cache.set(key, hit);
  }
  return hit;
}

async function render(seed: number, width: number, height: number, format: SyntheticFormat): Promise<Buffer> {
  const svg = patternSvg(createRng(seed), width, height, seed);
  const img = sharp(Buffer.from(svg));
  if (format === 'jpeg') return img.jpeg({ quality: 80 }).toBuffer();
  if (format === 'gif') return img.gif().toBuffer();
  if (format === 'webp') return img.webp({ quality: 80 }).toBuffer();
  return img.png().toBuffer();
}

function patternSvg(rng: Rng, w: number, h: number, seed: number): string {
  const shapes: string[] = [];
  const count = intBetween(rng, 3, 7);
  for (let i = 0; i < count; i++) shapes.push(shape(rng, w, h));
  const [c1, c2] = [pick(rng, PALETTE), pick(rng, PALETTE)];
  const angle = intBetween(rng, 0, 359);
  // Low-frequency noise keeps every seed visibly distinct (and its hashes distinct) while staying compressible.
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">
<defs><linearGradient id="g" gradientTransform="rotate(${angle} .5 .5)"><stop offset="0" stop-color="${c1}"/><stop offset="1" stop-color="${c2}"/></linearGradient>
<filter id="n"><feTurbulence type="fractalNoise" baseFrequency="0.015" numOctaves="2" seed="${seed % 1000}"/>
<feColorMatrix type="saturate" values="0"/><feComponentTransfer><feFuncA type="linear" slope="0.35"/></feComponentTransfer></filter></defs>
<rect width="100%" height="100%" fill="url(#g)"/>${shapes.join('')}<rect width="100%" height="100%" filter="url(#n)"/></svg>`;
}

function shape(rng: Rng, w: number, h: number): string {
  const fill = pick(rng, PALETTE);
  const x = intBetween(rng, 0, w);
  const y = intBetween(rng, 0, h);
  const size = intBetween(rng, Math.round(Math.min(w, h) / 10), Math.round(Math.min(w, h) / 2.5));
  const opacity = (0.4 + rng() * 0.5).toFixed(2);
  if (rng() < 0.5) return `<circle cx="${x}" cy="${y}" r="${size}" fill="${fill}" opacity="${opacity}"/>`;
  const rot = intBetween(rng, 0, 90);
  return `<rect x="${x - size}" y="${y - size / 2}" width="${size * 2}" height="${size}" fill="${fill}" opacity="${opacity}" transform="rotate(${rot} ${x} ${y})"/>`;
}

let bomb: Buffer | null = null;

/**
 * A ~110 kB valid PNG declaring 30000x30000 pixels (900 megapixels), for testing pixel limits.
 * Built by hand as 1-bit greyscale: sharp can make one from a solid colour, but that takes ~15 s and ~1 MB.
 */
export function decompressionBombPng(): Buffer {
  if (bomb) return bomb;
  const side = 30_000;
  const rowBytes = 1 + Math.ceil(side / 8); // filter byte + 1 bit per pixel
  const idat = zlib.deflateSync(Buffer.alloc(rowBytes * side), { level: 9 });
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(side, 0);
  ihdr.writeUInt32BE(side, 4);
  ihdr[8] = 1; // bit depth
  ihdr[9] = 0; // greyscale
  const signature = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
  bomb = Buffer.concat([signature, pngChunk('IHDR', ihdr), pngChunk('IDAT', idat), pngChunk('IEND', Buffer.alloc(0))]);
  return bomb;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body));
  return Buffer.concat([len, body, crc]);
}
