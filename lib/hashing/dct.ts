/**
 * The 64x64 -> 16x16 DCT of the reference: D is the DCT-II basis without the DC row, B = D A D^T, with float32
 * products and float32 sums accumulated in k order (the order changes the low bits, and bits near the median).
 */
const f = Math.fround;

export const DCT_MATRIX: Float32Array = (() => {
  const d = new Float32Array(16 * 64);
  const scale = f(Math.sqrt(2 / 64));
  for (let i = 0; i < 16; i++) {
    for (let j = 0; j < 64; j++) d[i * 64 + j] = scale * Math.cos((Math.PI / 128) * (i + 1) * (2 * j + 1));
  }
  return d;
})();

/** a: 64x64 row-major; t: 16x64 scratch; b: 16x16 output. */
export function dct64To16(a: Float32Array, t: Float32Array, b: Float32Array): void {
  const d = DCT_MATRIX;
  t.fill(0, 0, 16 * 64);
  // i-k-j loop order: each T[i][j] still sums k = 0..63 in order, but the inner loop walks rows of A.
  for (let i = 0; i < 16; i++) {
    const ti = i * 64;
    for (let k = 0; k < 64; k++) {
      const dik = d[ti + k];
      const ak = k * 64;
      for (let j = 0; j < 64; j++) t[ti + j] = f(t[ti + j] + f(dik * a[ak + j]));
    }
  }
  for (let i = 0; i < 16; i++) {
    const ti = i * 64;
    for (let j = 0; j < 16; j++) {
      const dj = j * 64;
      let sum = 0;
      for (let k = 0; k < 64; k++) sum = f(sum + f(t[ti + k] * d[dj + k]));
      b[i * 16 + j] = sum;
    }
  }
}
