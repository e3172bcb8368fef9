/**
 * Jarosz filter (repeated box blur approximating a tent/Gaussian) as in the reference downscaling.cpp.
 * Float32 running sums in the reference's order: add the entering sample, then subtract the leaving one, and divide
 * by the number of samples actually inside the (edge-truncated) window. Float32Array stores do the rounding; a
 * float32 op computed in float64 and rounded once gives the same bits.
 */
const f = Math.fround;

export const PDQ_JAROSZ_PASSES = 2;

/** Reference: (oldDim + 2 * newDim - 1) / (2 * newDim) with newDim = 64. */
export function jaroszWindowSize(dimension: number): number {
  return Math.floor((dimension + 127) / 128);
}

/** Box blur of every row of `input` into `output` (row-major, rows x cols). */
export function boxAlongRows(input: Float32Array, output: Float32Array, rows: number, cols: number, window: number): void {
  const half = Math.floor((window + 2) / 2);
  const phase1 = half - 1;
  const phase2 = window - half + 1;
  const phase3 = cols - window;
  const phase4 = half - 1;
  for (let r = 0; r < rows; r++) {
    const base = r * cols;
    let li = base;
    let ri = base;
    let oi = base;
    let sum = 0;
    let n = 0;
    for (let i = 0; i < phase1; i++) { sum = f(sum + input[ri++]); n++; }
    for (let i = 0; i < phase2; i++) { sum = f(sum + input[ri++]); n++; output[oi++] = sum / n; }
    for (let i = 0; i < phase3; i++) { sum = f(f(sum + input[ri++]) - input[li++]); output[oi++] = sum / n; }
    for (let i = 0; i < phase4; i++) { sum = f(sum - input[li++]); n--; output[oi++] = sum / n; }
  }
}

/**
 * Box blur down every column. Walks rows in order and keeps one running sum per column, which performs the same
 * per-column float32 operations as the reference's strided walk but reads memory sequentially. (An assignment
 * expression yields the unrounded float64 value, hence the explicit fround before reuse.)
 */
export function boxAlongCols(
  input: Float32Array, output: Float32Array, rows: number, cols: number, window: number, sums: Float32Array,
): void {
  const half = Math.floor((window + 2) / 2);
  const phase1 = half - 1;
  const phase2 = window - half + 1;
  const phase3 = rows - window;
  const phase4 = half - 1;
  sums.fill(0, 0, cols);
  let ri = 0;
  let li = 0;
  let oi = 0;
  let n = 0;
  for (let i = 0; i < phase1; i++, ri += cols) {
    for (let c = 0; c < cols; c++) sums[c] = f(sums[c] + input[ri + c]);
    n++;
  }
  for (let i = 0; i < phase2; i++, ri += cols, oi += cols) {
    n++;
    for (let c = 0; c < cols; c++) { const s = f(sums[c] + input[ri + c]); sums[c] = s; output[oi + c] = s / n; }
  }
  for (let i = 0; i < phase3; i++, ri += cols, li += cols, oi += cols) {
    for (let c = 0; c < cols; c++) {
      const s = f(f(sums[c] + input[ri + c]) - input[li + c]);
      sums[c] = s;
      output[oi + c] = s / n;
    }
  }
  for (let i = 0; i < phase4; i++, li += cols, oi += cols) {
    n--;
    for (let c = 0; c < cols; c++) { const s = f(sums[c] - input[li + c]); sums[c] = s; output[oi + c] = s / n; }
  }
}

/** Result lands back in `buf1`; `buf2` and `sums` (length >= cols) are scratch. */
export function jaroszFilter(
  buf1: Float32Array, buf2: Float32Array, rows: number, cols: number,
  windowAlongRows: number, windowAlongCols: number, sums: Float32Array, passes = PDQ_JAROSZ_PASSES,
): void {
  for (let p = 0; p < passes; p++) {
    boxAlongRows(buf1, buf2, rows, cols, windowAlongRows);
    boxAlongCols(buf2, buf1, rows, cols, windowAlongCols, sums);
  }
}
