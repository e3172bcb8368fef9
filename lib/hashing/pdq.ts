/**
 * PDQ perceptual hash, bit-compatible with Meta's C++ reference (pdq/cpp, pdqhashing.cpp). See shared/pdq.md.
 * pdqFromRgb is pure (decoded pixels in, hashes out); pdqHashBuffer / pdqHashFile add the reference's decoding.
 */
import { readFile } from 'node:fs/promises';
import { dct64To16 } from './dct';
import { decodeForPdq, type DecodeOptions } from './decode';
import { DIHEDRAL_NAMES, DIHEDRAL_TRANSFORMS, type DihedralName } from './dihedral';
import { words16ToHex } from './hex';
import { pdqWorkingSize } from './downscale-nearest';
import { jaroszDownsample } from './jarosz';
import { lumaNearest } from './luma';
import { pdqQuality } from './quality';
import type { RawImage } from './raw-image';
import { coefficientsToWords } from './threshold';

export type DihedralHashes = Record<DihedralName, string>;

export interface PdqResult {
  /** 64 hex characters (256 bits). */
  hash: string;
  /** 0..100; below 50 the hash is not trusted for matching. */
  quality: number;
  /** The hash of each rotation / flip of the image, all sharing `quality`. */
  dihedral: DihedralHashes;
}

const MIN_HASHABLE_SIDE = 5;
const ZERO_HASH = '0'.repeat(64);

// Hashing is synchronous, so one set of scratch buffers serves every call without per-image allocation.
let lumaBuf = new Float32Array(512 * 512);
let blurBuf = new Float32Array(512 * 512);
const grid = new Float32Array(64 * 64);
const dctScratch = new Float32Array(16 * 64);
const coefficients = new Float32Array(256);
const variant = new Float32Array(256);
const words = new Uint16Array(16);

/**
 * Hash decoded pixels (any size: images with a side over 512 are sampled down to 512x512 first, as the reference
 * CLI does). Pure and synchronous.
 */
export function pdqFromRgb(image: RawImage): PdqResult {
  const { width, height } = pdqWorkingSize(image.width, image.height);
  if (width < MIN_HASHABLE_SIDE || height < MIN_HASHABLE_SIDE) return zeroResult();
  ensureScratch(width * height);
  if (width === 64 && height === 64) {
    lumaNearest(image, grid, width, height);
  } else {
    lumaNearest(image, lumaBuf, width, height);
    jaroszDownsample(lumaBuf, blurBuf, height, width, grid);
  }
  const quality = pdqQuality(grid);
  dct64To16(grid, dctScratch, coefficients);
  const dihedral = {} as DihedralHashes;
  for (const name of DIHEDRAL_NAMES) {
    DIHEDRAL_TRANSFORMS[name](coefficients, variant);
    dihedral[name] = words16ToHex(coefficientsToWords(variant, words));
  }
  return { hash: dihedral.original, quality, dihedral };
}

export async function pdqHashBuffer(buf: Buffer, opts?: DecodeOptions): Promise<PdqResult> {
  return pdqFromRgb(await decodeForPdq(buf, opts));
}

export async function pdqHashFile(path: string, opts?: DecodeOptions): Promise<PdqResult> {
  return pdqHashBuffer(await readFile(path), opts);
}

function ensureScratch(pixels: number): void {
  if (lumaBuf.length >= pixels) return;
  lumaBuf = new Float32Array(pixels);
  blurBuf = new Float32Array(pixels);
}

function zeroResult(): PdqResult {
  const dihedral = {} as DihedralHashes;
  for (const name of DIHEDRAL_NAMES) dihedral[name] = ZERO_HASH;
  return { hash: ZERO_HASH, quality: 0, dihedral };
}
