import crypto from 'node:crypto';
import sharp, { type Sharp } from 'sharp';
import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { makePreviewVariant } from './blurred-preview';
import { processMedia } from './process-media';
import { sniffType } from './sniff';
import { bombPng, checkerboard, gradient, laplacianStdev, mp4Header, solid } from './test-images';

const opts = { maxPixels: 100_000_000 };
const sha256 = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');
const md5 = (b: Buffer) => crypto.createHash('md5').update(b).digest('hex');

async function expectInvalid(p: Promise<unknown>, message?: RegExp): Promise<void> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe('invalid_media');
  if (message) expect((err as AppError).message).toMatch(message);
}

async function expectWebpPreview(preview: Buffer): Promise<{ width: number; height: number }> {
  expect(sniffType(preview).mime).toBe('image/webp');
  const meta = await sharp(preview).metadata();
  expect(Math.max(meta.width, meta.height)).toBeLessThanOrEqual(480);
  expect(meta.exif).toBeUndefined();
  return { width: meta.width, height: meta.height };
}

describe('processMedia on still images', () => {
  it.each([
    ['png', 'image/png', (s: Sharp) => s.png()],
    ['jpeg', 'image/jpeg', (s: Sharp) => s.jpeg()],
    ['webp', 'image/webp', (s: Sharp) => s.webp()],
  ])('%s: type, hashes, geometry and a small WebP preview', async (_name, mime, encode) => {
    const original = await encode(gradient(800, 600)).toBuffer();
    const result = await processMedia(original, opts);
    expect(result).toMatchObject({ mime, kind: 'image', bytes: original.length, width: 800, height: 600, frames: 1 });
    expect(result.sha256).toBe(sha256(original));
    expect(result.md5).toBe(md5(original));
    expect(result.previewKind).toBe('blurred-image');
    expect(result.previewMime).toBe('image/webp');
    expect(result.preview.equals(original)).toBe(false);
    expect(await expectWebpPreview(result.preview)).toEqual({ width: 480, height: 360 });
  });

  it('scales portrait images by the long side and never enlarges small ones', async () => {
    const tall = await processMedia(await gradient(300, 900).png().toBuffer(), opts);
    expect(await expectWebpPreview(tall.preview)).toEqual({ width: 160, height: 480 });
    const small = await processMedia(await gradient(40, 30).png().toBuffer(), opts);
    expect(await expectWebpPreview(small.preview)).toEqual({ width: 40, height: 30 });
  });

  it('handles degenerate shapes and transparency', async () => {
    const dot = await processMedia(await solid(1, 1, '#ffffff').png().toBuffer(), opts);
    expect(await expectWebpPreview(dot.preview)).toEqual({ width: 1, height: 1 });
    const strip = await processMedia(await gradient(3, 2000).png().toBuffer(), opts);
    expect(await expectWebpPreview(strip.preview)).toEqual({ width: 1, height: 480 });
    const clear = await sharp({ create: { width: 100, height: 100, channels: 4, background: { r: 255, g: 0, b: 0, alpha: 0 } } }).png().toBuffer();
    const flattened = await processMedia(clear, opts);
    const { channels, isOpaque } = await sharp(flattened.preview).stats();
    expect(isOpaque).toBe(true);
    expect(channels[0].mean).toBeLessThan(140); // the hidden red is not revealed: neutral grey
  });

  it('reports display geometry after EXIF orientation', async () => {
    const rotated = await gradient(200, 100).jpeg().withMetadata({ orientation: 6 }).toBuffer();
    const result = await processMedia(rotated, opts);
    expect([result.width, result.height]).toEqual([100, 200]);
    expect(await expectWebpPreview(result.preview)).toEqual({ width: 100, height: 200 });
  });

  it('blurs hard: a checkerboard loses nearly all edge energy', async () => {
    const original = await checkerboard(1024, 16).png().toBuffer();
    const result = await processMedia(original, opts);
    const { width, height } = await expectWebpPreview(result.preview);
    const unblurred = await sharp(original).resize(width, height).png().toBuffer();
    const before = await laplacianStdev(unblurred, width, height);
    const after = await laplacianStdev(result.preview, width, height);
    expect(before).toBeGreaterThan(50);
    expect(after).toBeLessThan(before * 0.02);
  });

  it('can produce a grayscale preview directly or as a variant of the colour one', async () => {
    const original = await solid(300, 200, '#d03020').png().toBuffer();
    const colour = await processMedia(original, opts);
    const colourStats = await sharp(colour.preview).stats();
    expect(colourStats.channels[0].mean - colourStats.channels[2].mean).toBeGreaterThan(100);

    for (const preview of [(await processMedia(original, { ...opts, grayscale: true })).preview, await makePreviewVariant(colour.preview, { grayscale: true })]) {
      const { channels } = await sharp(preview).toColourspace('srgb').stats();
      expect(Math.abs(channels[0].mean - channels[2].mean)).toBeLessThan(3);
      await expectWebpPreview(preview);
    }
    expect(await makePreviewVariant(colour.preview, { grayscale: false })).toBe(colour.preview);
  });
});

describe('processMedia on animations', () => {
  it('takes the first GIF frame and records the frame count', async () => {
    const red = await solid(64, 48, '#ff0000').png().toBuffer();
    const blue = await solid(64, 48, '#0000ff').png().toBuffer();
    const green = await solid(64, 48, '#00ff00').png().toBuffer();
    const gif = await sharp([red, blue, green], { join: { animated: true } }).gif({ loop: 0, delay: [100, 100, 100] }).toBuffer();
    const result = await processMedia(gif, opts);
    expect(result).toMatchObject({ mime: 'image/gif', kind: 'gif', width: 64, height: 48, frames: 3, previewKind: 'blurred-image' });
    const { channels } = await sharp(result.preview).stats();
    expect(channels[0].mean).toBeGreaterThan(200);
    expect(channels[2].mean).toBeLessThan(50);
    expect((await sharp(result.preview).metadata()).pages ?? 1).toBe(1);
  });

  it('takes the first frame of an animated WebP', async () => {
    const green = await solid(50, 50, '#00ff00').png().toBuffer();
    const blue = await solid(50, 50, '#0000ff').png().toBuffer();
    const webp = await sharp([green, blue], { join: { animated: true } }).webp().toBuffer();
    const result = await processMedia(webp, opts);
    expect(result).toMatchObject({ mime: 'image/webp', kind: 'image', frames: 2, height: 50 });
    const { channels } = await sharp(result.preview).stats();
    expect(channels[1].mean).toBeGreaterThan(200);
  });
});

describe('processMedia refuses what it must not decode', () => {
  it('refuses a decompression bomb from its header, without allocating the pixels', async () => {
    const bomb = bombPng(30000, 30000);
    expect(bomb.length).toBeLessThan(200 * 1024);
    const rssBefore = process.memoryUsage().rss;
    const started = Date.now();
    await expectInvalid(processMedia(bomb, opts), /decompression bomb/);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(200 * 1024 * 1024);
  });

  it('applies the pixel limit it is given', async () => {
    const png = await gradient(200, 200).png().toBuffer();
    await expectInvalid(processMedia(png, { maxPixels: 200 * 199 }), /decompression bomb/);
    await expect(processMedia(png, { maxPixels: 200 * 200 })).resolves.toMatchObject({ width: 200 });
  });

  it.each([
    ['garbage', crypto.randomBytes(4096)],
    ['svg', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>')],
    ['html', Buffer.from('<!doctype html><title>not an image</title>')],
    ['empty', Buffer.alloc(0)],
  ])('refuses %s', async (_name, bytes) => {
    await expectInvalid(processMedia(bytes, opts), /unrecognised/);
  });

  it('refuses a corrupt image behind a valid signature', async () => {
    const png = await gradient(300, 300).png().toBuffer();
    await expectInvalid(processMedia(png.subarray(0, 200), opts));
    const broken = Buffer.from(png);
    broken.fill(0x55, 100, 400); // smash the compressed data
    await expectInvalid(processMedia(broken, opts));
  });
});

describe('processMedia on media it does not decode', () => {
  it('gives video a neutral card and says so', async () => {
    const mp4 = mp4Header();
    const result = await processMedia(mp4, opts);
    expect(result).toMatchObject({ mime: 'video/mp4', kind: 'video', width: null, height: null, previewKind: 'video-card' });
    expect(result.sha256).toBe(sha256(mp4));
    expect(await expectWebpPreview(result.preview)).toEqual({ width: 480, height: 270 });
  });

  it('gives audio the same card kind', async () => {
    const mp3 = Buffer.concat([Buffer.from('ID3\x04\0\0\0\0\0\0', 'latin1'), Buffer.alloc(100)]);
    expect(await processMedia(mp3, opts)).toMatchObject({ kind: 'audio', previewKind: 'video-card' });
  });

  it('gives image formats this build cannot decode an unsupported card', async () => {
    const bmp = Buffer.alloc(128);
    bmp.write('BM', 0, 'latin1');
    bmp.writeUInt32LE(40, 14);
    const result = await processMedia(bmp, opts);
    expect(result).toMatchObject({ mime: 'image/bmp', kind: 'image', previewKind: 'unsupported-card', width: null });
    await expectWebpPreview(result.preview);
  });
});
