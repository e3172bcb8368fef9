/**
 * The scale seed for `npm run bench:sync`: every report open (the bench measures a first sync of a backlog) and
 * every image served from a pool of synthetic images rendered once, so the fake answers media requests at once and
 * the bench measures our ingest, not the fake's rendering. Sizes are what servers actually hand out: Mastodon keeps
 * originals up to 3840 x 2160 and most photos arrive at 1-2 Mpx as JPEG; a few small PNGs (screenshots, memes). The seeder's media counts are kept (about 1.35
 * images per report). The bench renders the same pool to time PDQ alone on the same bytes.
 */
import type { FakeMediaFormat } from './entities';
import type { FakeState } from './state';
import { syntheticImage } from '../images';

export const SCALE_POOL_SIZE = 96;
const SIZES: Array<[number, number]> = [[1280, 960], [1080, 1350], [1920, 1080], [800, 600]];

export interface PoolImage {
  bytes: Buffer;
  format: Extract<FakeMediaFormat, 'png' | 'jpeg'>;
  width: number;
  height: number;
}

/** Deterministic: the same index gives the same bytes in every process (same sharp build). */
export async function scaleImagePool(): Promise<PoolImage[]> {
  const pool: PoolImage[] = [];
  for (let i = 0; i < SCALE_POOL_SIZE; i++) {
    const [width, height] = SIZES[i % SIZES.length];
    const format = i % 4 === 3 ? 'png' : 'jpeg';
    pool.push({ bytes: await syntheticImage(10_000 + i, { width, height, format }), format, width, height });
  }
  return pool;
}

export function scalePoolIndex(imageSeed: number): number {
  return imageSeed % SCALE_POOL_SIZE;
}

export async function applyScaleSeed(state: FakeState): Promise<{ reports: number; images: number }> {
  const pool = await scaleImagePool();
  for (const r of state.reports.values()) {
    r.actionTakenAt = null;
    r.actionTakenById = null;
  }
  let images = 0;
  for (const m of state.media.values()) {
    if (m.type !== 'image') continue;
    const img = pool[scalePoolIndex(m.imageSeed)];
    Object.assign(m, { bytes: img.bytes, format: img.format, width: img.width, height: img.height });
    images++;
  }
  return { reports: state.reports.size, images };
}
