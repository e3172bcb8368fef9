import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { decompressionBombPng, syntheticImage } from './images';

describe('synthetic images', () => {
  it('renders the requested format and size', async () => {
    for (const format of ['png', 'jpeg', 'gif', 'webp'] as const) {
      const meta = await sharp(await syntheticImage(11, { width: 200, height: 120, format })).metadata();
      expect(meta).toMatchObject({ format, width: 200, height: 120 });
    }
  });

  it('is deterministic per seed, distinct across seeds, and cached', async () => {
    const a = await syntheticImage(1, { width: 64, height: 64 });
    expect(await syntheticImage(1, { width: 64, height: 64 })).toBe(a);
    const pixels = async (seed: number) => (await sharp(await syntheticImage(seed, { width: 64, height: 64 })).raw().toBuffer());
    const seen = new Set<string>();
    for (const seed of [1, 2, 3, 4, 5]) seen.add((await pixels(seed)).toString('base64'));
    expect(seen.size).toBe(5);
  });

  it('provides a small PNG that declares 900 megapixels and trips sharp\'s pixel limit', async () => {
    const bomb = decompressionBombPng();
    expect(bomb.length).toBeLessThan(200_000);
    const meta = await sharp(bomb, { limitInputPixels: false }).metadata();
    expect(meta).toMatchObject({ format: 'png', width: 30_000, height: 30_000 });
    await expect(sharp(bomb).resize(8).toBuffer()).rejects.toThrow(/pixel limit/);
  });
});
