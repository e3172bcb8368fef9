/**
 * Jarosz filter (repeated box blur approximating a tent) as in the reference's downscaling.cpp, followed by the
 * decimation to 64x64.
 *
 * Exactness: float32 running sums in the reference's order (add the entering sample, then subtract the leaving
 * one), divided by the number of samples actually inside the edge-truncated window. A float32 op computed in
 * float64 and rounded once (fround, or a Float32Array store) gives the reference's bits.
 *
 * Speed: a running sum is a serial chain, so lines are filtered four at a time (four independent chains per loop),
 * and the last column pass only runs down the 64 columns that decimation samples.
 */
const f = Math.fround;

export const PDQ_JAROSZ_PASSES = 2;

/** Reference: (oldDim + 2 * newDim - 1) / (2 * newDim) with newDim = 64. */
export function jaroszWindowSize(dimension: number): number {
  return Math.floor((dimension + 127) / 128);
}

/** One line: elements start, start + step, ... (length of them). */
function box1(
  input: Float32Array, output: Float32Array, start: number, step: number, length: number, window: number,
): void {
  const half = Math.floor((window + 2) / 2);
  let ri = start;
  let li = start;
  let oi = start;
  let sum = 0;
  let n = 0;
  for (let i = 0; i < half - 1; i++, ri += step) { sum = f(sum + input[ri]); n++; }
  for (let i = 0; i < window - half + 1; i++, ri += step, oi += step) {
    sum = f(sum + input[ri]);
    n++;
    output[oi] = sum / n;
  }
  for (let i = 0; i < length - window; i++, ri += step, li += step, oi += step) {
    sum = f(f(sum + input[ri]) - input[li]);
    output[oi] = sum / n;
  }
  for (let i = 0; i < half - 1; i++, li += step, oi += step) { sum = f(sum - input[li]); n--; output[oi] = sum / n; }
}

/** Four lines of equal length starting at a, b, c, d; same arithmetic as box1 on each. */
function box4(
  input: Float32Array, output: Float32Array, a: number, b: number, c: number, d: number,
  step: number, length: number, window: number,
): void {
  const half = Math.floor((window + 2) / 2);
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  let n = 0;
  let r = 0; // offset of the entering sample
  let l = 0; // offset of the leaving sample
  let o = 0; // offset of the output
  for (let i = 0; i < half - 1; i++, r += step) {
    s0 = f(s0 + input[a + r]); s1 = f(s1 + input[b + r]); s2 = f(s2 + input[c + r]); s3 = f(s3 + input[d + r]);
    n++;
  }
  for (let i = 0; i < window - half + 1; i++, r += step, o += step) {
    s0 = f(s0 + input[a + r]); s1 = f(s1 + input[b + r]); s2 = f(s2 + input[c + r]); s3 = f(s3 + input[d + r]);
    n++;
    output[a + o] = s0 / n; output[b + o] = s1 / n; output[c + o] = s2 / n; output[d + o] = s3 / n;
  }
  for (let i = 0; i < length - window; i++, r += step, l += step, o += step) {
    s0 = f(f(s0 + input[a + r]) - input[a + l]);
    s1 = f(f(s1 + input[b + r]) - input[b + l]);
    s2 = f(f(s2 + input[c + r]) - input[c + l]);
    s3 = f(f(s3 + input[d + r]) - input[d + l]);
    output[a + o] = s0 / n; output[b + o] = s1 / n; output[c + o] = s2 / n; output[d + o] = s3 / n;
  }
  for (let i = 0; i < half - 1; i++, l += step, o += step) {
    s0 = f(s0 - input[a + l]); s1 = f(s1 - input[b + l]); s2 = f(s2 - input[c + l]); s3 = f(s3 - input[d + l]);
    n--;
    output[a + o] = s0 / n; output[b + o] = s1 / n; output[c + o] = s2 / n; output[d + o] = s3 / n;
  }
}

/** Blur along lines whose first elements are `starts` (row starts, or column indices). */
function boxLines(
  input: Float32Array, output: Float32Array, starts: ArrayLike<number>, count: number,
  step: number, length: number, window: number,
): void {
  let k = 0;
  for (; k + 4 <= count; k += 4) {
    box4(input, output, starts[k], starts[k + 1], starts[k + 2], starts[k + 3], step, length, window);
  }
  for (; k < count; k++) box1(input, output, starts[k], step, length, window);
}

function range(count: number, stride: number): Int32Array {
  const out = new Int32Array(count);
  for (let i = 0; i < count; i++) out[i] = i * stride;
  return out;
}

/** Where decimation samples: floor((k + 0.5) * size / 64), k = 0..63. */
export function decimationIndices(size: number): Int32Array {
  const out = new Int32Array(64);
  for (let k = 0; k < 64; k++) out[k] = Math.floor(((k + 0.5) * size) / 64);
  return out;
}

/**
 * Blur `buf1` (rows x cols, row-major, clobbered; `buf2` is scratch of the same size) and decimate into the 64x64
 * `grid`: out[i][j] = blurred[floor((i + 0.5) * rows / 64)][floor((j + 0.5) * cols / 64)].
 */
export function jaroszDownsample(
  buf1: Float32Array, buf2: Float32Array, rows: number, cols: number, grid: Float32Array, passes = PDQ_JAROSZ_PASSES,
): void {
  const windowAlongRows = jaroszWindowSize(cols);
  const windowAlongCols = jaroszWindowSize(rows);
  const rowStarts = range(rows, cols);
  const allCols = range(cols, 1);
  const rowIdx = decimationIndices(rows);
  const colIdx = decimationIndices(cols);
  const sampledCols = Int32Array.from(new Set(colIdx));
  for (let p = 0; p < passes; p++) {
    boxLines(buf1, buf2, rowStarts, rows, 1, cols, windowAlongRows);
    const last = p === passes - 1;
    boxLines(buf2, buf1, last ? sampledCols : allCols, last ? sampledCols.length : cols, cols, rows, windowAlongCols);
  }
  for (let i = 0; i < 64; i++) {
    const row = rowIdx[i] * cols;
    for (let j = 0; j < 64; j++) grid[i * 64 + j] = buf1[row + colIdx[j]];
  }
}
