/**
 * Test helper: synthetic, harmless images (gradients, checkerboards, flat colours) made at test time.
 * No real-world images are ever used in tests.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import sharp, { type Sharp } from 'sharp';

/** Raw RGB gradient of the given size. */
export function gradientRaw(width: number, height: number): Buffer {
  const raw = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      raw[i] = Math.round((x / width) * 255);
      raw[i + 1] = Math.round((y / height) * 255);
      raw[i + 2] = 128;
    }
  }
  return raw;
}

export function gradient(width: number, height: number): Sharp {
  return sharp(gradientRaw(width, height), { raw: { width, height, channels: 3 } });
}

export function checkerboard(size: number, square: number): Sharp {
  const raw = Buffer.alloc(size * size);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) raw[y * size + x] = (Math.floor(x / square) + Math.floor(y / square)) % 2 ? 255 : 0;
  }
  return sharp(raw, { raw: { width: size, height: size, channels: 1 } });
}

export function solid(width: number, height: number, background: string): Sharp {
  return sharp({ create: { width, height, channels: 3, background } });
}

function pngChunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * A valid 1-bit grayscale PNG of one flat colour declaring width x height. At 30000x30000 it is ~110 KB on disk
 * and 3.6 GB as decoded RGBA. Built by hand: asking sharp to encode 900 Mpx takes about ten seconds.
 */
export function bombPng(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 1; // bit depth
  ihdr[9] = 0; // grayscale
  const row = 1 + Math.ceil(width / 8); // filter byte + packed bits, all zero
  const idat = zlib.deflateSync(Buffer.alloc(row * height), { level: 9 });
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', idat),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * A valid 8-bit RGB PNG of one flat colour, width x height, built by hand without ever holding the pixels: every
 * row is "Sub" filtered (one pixel, then zero differences) and all rows are identical, so the deflate stream is
 * fed the same small row again and again. 10,000 x 10,000 takes about a second and a megabyte or so.
 */
export async function solidPng(width: number, height: number, rgb: [number, number, number]): Promise<Buffer> {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // truecolour
  const row = Buffer.alloc(1 + width * 3);
  row[0] = 1; // filter: Sub
  row[1] = rgb[0];
  row[2] = rgb[1];
  row[3] = rgb[2];
  const rowsPerChunk = Math.max(1, Math.floor((1024 * 1024) / row.length));
  const chunk = Buffer.concat(Array.from({ length: Math.min(rowsPerChunk, height) }, () => row));
  async function* rows() {
    for (let done = 0; done < height; done += rowsPerChunk) yield chunk.subarray(0, Math.min(rowsPerChunk, height - done) * row.length);
  }
  const parts: Buffer[] = [];
  await pipeline(Readable.from(rows()), zlib.createDeflate({ level: 6 }), async (compressed: AsyncIterable<Buffer>) => {
    for await (const part of compressed) parts.push(part);
  });
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', Buffer.concat(parts)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The first bytes of an MP4 file: an ftyp box (isom/mp42) followed by an empty mdat. */
export function mp4Header(): Buffer {
  const ftyp = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom\0\0\x02\0isommp42', 'latin1')]);
  const mdat = Buffer.concat([Buffer.from([0, 0, 0, 0x08]), Buffer.from('mdat', 'latin1')]);
  return Buffer.concat([ftyp, mdat, Buffer.alloc(256)]);
}

/** Standard deviation of the 4-neighbour Laplacian of a grayscale image: a measure of edge (detail) energy. */
export async function laplacianStdev(image: Buffer, width: number, height: number): Promise<number> {
  const gray = await sharp(image).resize(width, height, { fit: 'fill' }).grayscale().raw().toBuffer();
  const values: number[] = [];
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1; x < width - 1; x++) {
      const i = y * width + x;
      values.push(gray[i - 1] + gray[i + 1] + gray[i - width] + gray[i + width] - 4 * gray[i]);
    }
  }
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length);
}
