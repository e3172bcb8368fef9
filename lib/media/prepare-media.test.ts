/**
 * prepareMedia decodes each image once for the PDQ hash and the preview. The hash must stay bit-exact with the
 * C++ reference (the vectors in ../shared/pdq-vectors, as lib/hashing/pdq.test.ts checks for pdqHashFile), the
 * preview must be the one makeBlurredPreview makes from the bytes, and an image over the full-decode threshold
 * (shrunk while decoding) must still hash close enough to match.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { decodeForPdq } from '@/lib/hashing/decode';
import { hammingDistance } from '@/lib/hashing/hex';
import { pdqFromRgb, pdqHashBuffer } from '@/lib/hashing/pdq';
import { FULL_DECODE_MAX_PIXELS } from '@/lib/hashing/shrink-on-load';
import { makeBlurredPreview } from './blurred-preview';
import { createMemoryBudget } from './memory-budget';
import { prepareMedia } from './prepare-media';
import { gradient } from './test-images';

const VECTORS = path.resolve(process.cwd(), '../shared/pdq-vectors');
const opts = { maxPixels: 100_000_000 };

function referenceRows(): Array<{ file: string; hash: string; quality: number }> {
  const lines = readFileSync(path.join(VECTORS, 'cpp_reference_hashes.tsv'), 'utf8').trim().split('\n');
  const header = lines[0].split('\t');
  return lines.slice(1).map((line) => {
    const cells = line.split('\t');
    return { file: cells[header.indexOf('file')], hash: cells[header.indexOf('pdq_hex')], quality: Number(cells[header.indexOf('quality')]) };
  });
}

// As in lib/hashing/pdq.test.ts: the reference converts CMYK naively through ImageMagick.
const TOLERANCE: Record<string, number> = { 'data/misc-images/modes/CMYK.jpg': 10 };

async function meanAbsDiff(a: Buffer, b: Buffer): Promise<number> {
  const ra = await sharp(a).raw().toBuffer({ resolveWithObject: true });
  const rb = await sharp(b).raw().toBuffer({ resolveWithObject: true });
  expect([ra.info.width, ra.info.height, ra.info.channels]).toEqual([rb.info.width, rb.info.height, rb.info.channels]);
  let sum = 0;
  for (let i = 0; i < ra.data.length; i++) sum += Math.abs(ra.data[i] - rb.data[i]);
  return sum / ra.data.length;
}

describe('prepareMedia hashes as the reference does', () => {
  const rows = referenceRows();

  it('every reference vector: same hash and quality from the single decode', async () => {
    expect(rows.length).toBeGreaterThanOrEqual(45);
    for (const row of rows) {
      const buf = readFileSync(path.join(VECTORS, row.file));
      const out = await prepareMedia(buf, opts);
      expect(out.preShrunk, row.file).toBe(false);
      const tolerance = TOLERANCE[row.file] ?? 0;
      expect(hammingDistance(out.pdq?.hash ?? '', row.hash), row.file).toBeLessThanOrEqual(tolerance);
      expect(out.pdq?.quality, row.file).toBe(row.quality);
      // And exactly what the hashing module alone computes, all eight dihedral variants included.
      expect(out.pdq?.dihedral, row.file).toEqual((await pdqHashBuffer(buf)).dihedral);
    }
  }, 60_000);

  it('skips the hash when asked, and never fails the job over it', async () => {
    const png = await gradient(64, 64).png().toBuffer();
    expect((await prepareMedia(png, { ...opts, hash: false })).pdq).toBeNull();
    expect((await prepareMedia(png, opts)).pdq?.hash).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('shrink while decoding, above the full-decode threshold', () => {
  it('the threshold is above every reference vector, so they all decode at full size', async () => {
    let largest = 0;
    for (const row of referenceRows()) {
      const meta = await sharp(path.join(VECTORS, row.file)).metadata();
      largest = Math.max(largest, meta.width * meta.height);
    }
    expect(largest).toBeLessThan(FULL_DECODE_MAX_PIXELS);
  });

  it('a pre-shrunk decode still matches the full decode (well within the match threshold of 31 bits)', async () => {
    const distances: number[] = [];
    for (const row of referenceRows().filter((r) => r.quality >= 80)) {
      const file = path.join(VECTORS, row.file);
      const meta = await sharp(file).metadata();
      if (Math.max(meta.width, meta.height) <= 1024) continue;
      const exact = pdqFromRgb(await decodeForPdq(file));
      const shrunk = pdqFromRgb(await decodeForPdq(file, { fullDecodeMaxPixels: 1 }));
      distances.push(hammingDistance(exact.hash, shrunk.hash));
    }
    expect(distances.length).toBeGreaterThanOrEqual(5);
    expect(Math.max(...distances)).toBeLessThanOrEqual(31);
  }, 60_000);
});

describe('the preview from the shared decode', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])('EXIF orientation %i: same geometry and picture as makeBlurredPreview', async (orientation) => {
    const jpeg = await gradient(240, 120).jpeg({ quality: 95 }).withMetadata({ orientation }).toBuffer();
    const out = await prepareMedia(jpeg, { ...opts, hash: false, budget: createMemoryBudget(1024 * 1024 * 1024) });
    const meta = await sharp(jpeg).metadata();
    const display = meta.autoOrient;
    const reference = await makeBlurredPreview(jpeg, { maxPixels: opts.maxPixels, width: display.width, height: display.height });
    expect([out.width, out.height]).toEqual([display.width, display.height]);
    expect(await meanAbsDiff(out.preview, reference)).toBeLessThan(3);
  });

  it('flattens transparency onto grey before anything else sees it', async () => {
    const clear = await sharp({ create: { width: 100, height: 100, channels: 4, background: { r: 255, g: 0, b: 0, alpha: 0 } } }).png().toBuffer();
    const out = await prepareMedia(clear, opts);
    const { channels } = await sharp(out.preview).stats();
    expect(channels[0].mean).toBeLessThan(140);
    expect(Math.abs(channels[0].mean - channels[1].mean)).toBeLessThan(5);
  });
});
