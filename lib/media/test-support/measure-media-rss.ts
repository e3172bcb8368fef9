/**
 * Child-process probe for the memory tests: runs prepareMedia on the given files at once and prints the peak RSS
 * growth (the kernel's high-water mark minus the RSS before), so the parent test measures a process of its own.
 * Usage: tsx measure-media-rss.ts <mode: prepare|full-decode> <file>...
 */
import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { decodeForPdq } from '@/lib/hashing/decode';
import { mediaMemoryBudget } from '../memory-budget';
import { prepareMedia } from '../prepare-media';

const [mode, ...files] = process.argv.slice(2);
const inputs = files.map((f) => readFileSync(f));
const small = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#336699' } }).png().toBuffer();
await prepareMedia(small, { maxPixels: 100_000_000 });
const rssBefore = process.memoryUsage().rss;
let maxInUse = 0;
const timer = setInterval(() => {
  maxInUse = Math.max(maxInUse, mediaMemoryBudget().inUse());
}, 2);
const started = performance.now();
const results = await Promise.all(inputs.map(async (buf) => {
  if (mode === 'full-decode') {
    // What the pipeline did before: a full-size decode for PDQ (the preview decode came on top of it).
    const image = await decodeForPdq(buf, { fullDecodeMaxPixels: Number.POSITIVE_INFINITY });
    return { width: image.width, height: image.height, hash: null };
  }
  const out = await prepareMedia(buf, { maxPixels: 100_000_000 });
  return { width: out.width, height: out.height, hash: out.pdq?.hash ?? null, preShrunk: out.preShrunk };
}));
clearInterval(timer);
const peak = process.resourceUsage().maxRSS * 1024;
console.log(JSON.stringify({
  growthBytes: peak - rssBefore, rssBefore, peak, ms: Math.round(performance.now() - started), maxInUse,
  budget: mediaMemoryBudget().capacity, results,
}));
