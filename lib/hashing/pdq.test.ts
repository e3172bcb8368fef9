import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { downscaleNearest } from './downscale-nearest';
import { hammingDistance } from './hex';
import { pdqFromRgb, pdqHashFile } from './pdq';
import type { DihedralName } from './dihedral';

// CI checks shared/ out beside the repository.
const VECTORS = path.resolve(process.cwd(), '../shared/pdq-vectors');

interface ReferenceRow { file: string; hash: string; quality: number }

function referenceRows(): ReferenceRow[] {
  const lines = readFileSync(path.join(VECTORS, 'cpp_reference_hashes.tsv'), 'utf8').trim().split('\n');
  const header = lines[0].split('\t');
  const col = (name: string) => header.indexOf(name);
  return lines.slice(1).map((line) => {
    const cells = line.split('\t');
    return { file: cells[col('file')], hash: cells[col('pdq_hex')], quality: Number(cells[col('quality')]) };
  });
}

// The reference converts CMYK naively through ImageMagick; sharp's conversion differs (see shared/pdq.md).
const TOLERANCE: Record<string, number> = { 'data/misc-images/modes/CMYK.jpg': 10 };

const rows = referenceRows();

describe('PDQ matches the C++ reference', () => {
  it('has the vectors', () => {
    expect(rows.filter((r) => r.quality >= 50).length).toBeGreaterThanOrEqual(45);
  });

  it.each(rows.filter((r) => r.quality >= 50).map((r) => [r.file, r] as const))('%s', async (_file, row) => {
    const result = await pdqHashFile(path.join(VECTORS, row.file));
    const tolerance = TOLERANCE[row.file] ?? 0;
    if (tolerance === 0) expect(result.hash).toBe(row.hash);
    else expect(hammingDistance(result.hash, row.hash)).toBeLessThanOrEqual(tolerance);
    expect(result.quality).toBe(row.quality);
    expect(result.dihedral.original).toBe(result.hash);
  });

  it('also reproduces the low-quality rows (not trusted for matching, but still deterministic)', async () => {
    for (const row of rows.filter((r) => r.quality < 50)) {
      const result = await pdqHashFile(path.join(VECTORS, row.file));
      expect({ file: row.file, hash: result.hash, quality: result.quality }).toEqual(row);
    }
  });
});

describe('dihedral variants', () => {
  const dir = path.join(VECTORS, 'data/reg-test-input/dih');
  // Observed: transpose 0, rot270 8, flipx 8, rot90 14, flipy 14, rot180 18, antitranspose 18. Not 0 because the
  // files are re-encoded JPEGs and the 1600x1004 -> 512x512 nearest-neighbour step does not commute with rotation.
  const cases: Array<[string, DihedralName, number]> = [
    ['bridge-1-original.jpg', 'original', 0],
    ['bridge-2-rotate-90.jpg', 'rot90', 14],
    ['bridge-3-rotate-180.jpg', 'rot180', 18],
    ['bridge-4-rotate-270.jpg', 'rot270', 8],
    ['bridge-5-flipx.jpg', 'flipx', 8],
    ['bridge-6-flipy.jpg', 'flipy', 14],
    ['bridge-7-flip-plus-1.jpg', 'transpose', 0],
    ['bridge-8-flip-minus-1.jpg', 'antitranspose', 18],
  ];

  it.each(cases)('%s is close to the %s variant of the original', async (file, variant, observed) => {
    const original = await pdqHashFile(path.join(dir, 'bridge-1-original.jpg'));
    const transformed = await pdqHashFile(path.join(dir, file));
    const distance = hammingDistance(original.dihedral[variant], transformed.hash);
    expect(distance).toBe(observed);
    expect(distance).toBeLessThanOrEqual(31);
    // Every other variant is unrelated (about half the bits differ).
    for (const [name, hash] of Object.entries(original.dihedral)) {
      if (name === variant) continue;
      expect(hammingDistance(hash, transformed.hash)).toBeGreaterThan(90);
    }
  });
});

describe('pdqFromRgb', () => {
  function noise(width: number, height: number, channels: 1 | 3, seed: number) {
    const data = new Uint8Array(width * height * channels);
    let s = seed;
    for (let i = 0; i < data.length; i++) {
      s = (Math.imul(s, 1103515245) + 12345) >>> 0;
      data[i] = ((i % (width * channels)) + (s >>> 24)) & 255;
    }
    return { data, width, height, channels };
  }

  it('samples large images exactly like an explicit 512x512 nearest-neighbour copy', () => {
    for (const channels of [1, 3] as const) {
      const big = noise(1201, 733, channels, 7);
      expect(pdqFromRgb(big)).toEqual(pdqFromRgb(downscaleNearest(big)));
    }
  });

  it('returns the zero hash with quality 0 below 5 pixels a side', () => {
    const result = pdqFromRgb(noise(4, 100, 3, 1));
    expect(result.hash).toBe('0'.repeat(64));
    expect(result.quality).toBe(0);
  });

  it('hashes a 64x64 image without blurring and is deterministic', () => {
    const img = noise(64, 64, 3, 3);
    const a = pdqFromRgb(img);
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(pdqFromRgb(img)).toEqual(a);
  });
});
