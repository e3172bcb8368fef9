/**
 * 16x16 DCT coefficients -> 256 bits. The reference thresholds at Torben's median, which for 256 values is the
 * 128th smallest (the lower median); sorting a copy yields the same value.
 */
const scratch = new Float32Array(256);

export function lowerMedian256(values: Float32Array): number {
  scratch.set(values.subarray(0, 256));
  scratch.sort();
  return scratch[127];
}

/** Bit k = i * 16 + j is set iff B[i][j] > median, so row i of B becomes 16-bit word i. */
export function coefficientsToWords(b: Float32Array, out: Uint16Array = new Uint16Array(16)): Uint16Array {
  const median = lowerMedian256(b);
  for (let i = 0; i < 16; i++) {
    let word = 0;
    for (let j = 0; j < 16; j++) if (b[i * 16 + j] > median) word |= 1 << j;
    out[i] = word;
  }
  return out;
}
