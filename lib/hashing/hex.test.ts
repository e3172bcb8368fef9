import { describe, expect, it } from 'vitest';
import { hammingDistance, hexToWords16, hexToWords32, words16ToHex, words16ToWords32, words32ToHex } from './hex';
import { popcount32 } from './popcount';

const A = 'd8f8f0cee0f4a84f0637022a078f67f0b36e2ed596621e1d33e6339c4e9c9b22';

describe('hex', () => {
  it('round-trips through 16-bit and 32-bit words', () => {
    expect(words16ToHex(hexToWords16(A))).toBe(A);
    expect(words32ToHex(hexToWords32(A))).toBe(A);
    expect(words32ToHex(words16ToWords32(hexToWords16(A)))).toBe(A);
    expect(words16ToHex(hexToWords16(A.toUpperCase()))).toBe(A);
  });

  it('puts bit k in word k >> 4 (big-endian text)', () => {
    const words = new Uint16Array(16);
    words[0] = 1;
    expect(words16ToHex(words)).toBe('0'.repeat(63) + '1');
    words.fill(0);
    words[15] = 0x8000;
    expect(words16ToHex(words)).toBe('8' + '0'.repeat(63));
    expect(hexToWords32('8' + '0'.repeat(63))[7]).toBe(0x80000000);
  });

  it('rejects malformed hashes', () => {
    expect(() => hexToWords32('abc')).toThrow();
    expect(() => hexToWords16('g'.repeat(64))).toThrow();
  });
});

describe('hammingDistance', () => {
  it('counts differing bits', () => {
    const zero = '0'.repeat(64);
    expect(hammingDistance(zero, zero)).toBe(0);
    expect(hammingDistance(zero, 'f'.repeat(64))).toBe(256);
    expect(hammingDistance(zero, '1'.repeat(64))).toBe(64);
    expect(hammingDistance(A, A)).toBe(0);
    // Two reference hashes from shared/pdq-vectors (bridge original vs sharpen-a-lot).
    expect(hammingDistance(A, 'd0f8f0cec0f4a84f0e370a22238f67f0b36a2ef596231e1d73e6a39c4e9c9b22')).toBe(14);
    expect(hammingDistance(hexToWords32(A), A)).toBe(0);
  });

  it('popcount32 agrees with a naive count', () => {
    for (const x of [0, 1, 0xffffffff, 0x80000000, 0x12345678, 0xdeadbeef]) {
      let n = 0;
      for (let b = 0; b < 32; b++) n += (x >>> b) & 1;
      expect(popcount32(x)).toBe(n);
    }
  });
});
