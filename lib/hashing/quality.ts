/**
 * The reference's image-domain quality: gradient energy of the 64x64 grid. Each term is
 * (int)(((u - v) * 100) / 255) in float32, truncated toward zero; flat or tiny images score low and their hashes
 * are not trusted for matching.
 */
const f = Math.fround;

export function pdqQuality(grid: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < 63; i++) {
    for (let j = 0; j < 64; j++) {
      sum += Math.abs(Math.trunc(f(f(f(grid[i * 64 + j] - grid[(i + 1) * 64 + j]) * 100) / 255)));
    }
  }
  for (let i = 0; i < 64; i++) {
    for (let j = 0; j < 63; j++) {
      sum += Math.abs(Math.trunc(f(f(f(grid[i * 64 + j] - grid[i * 64 + j + 1]) * 100) / 255)));
    }
  }
  return Math.min(100, Math.floor(sum / 90));
}
