/**
 * The 8 dihedral variants of an image's hash, derived from its DCT output instead of re-hashing rotated pixels:
 * transposing the coefficient grid transposes the image, and odd-index basis functions change sign under a flip.
 * Sign rules are those of the reference's pdqDihedralHash256esFromFloatLuma.
 */
export const DIHEDRAL_NAMES = [
  'original', 'rot90', 'rot180', 'rot270', 'flipx', 'flipy', 'transpose', 'antitranspose',
] as const;
export type DihedralName = (typeof DIHEDRAL_NAMES)[number];

type Transform = (b: Float32Array, out: Float32Array) => void;

const odd = (n: number) => (n & 1) === 1;

function byRule(transposed: boolean, positive: (i: number, j: number) => boolean): Transform {
  return (b, out) => {
    for (let i = 0; i < 16; i++) {
      for (let j = 0; j < 16; j++) {
        const v = b[i * 16 + j];
        out[transposed ? j * 16 + i : i * 16 + j] = positive(i, j) ? v : -v;
      }
    }
  };
}

export const DIHEDRAL_TRANSFORMS: Record<DihedralName, Transform> = {
  original: byRule(false, () => true),
  rot90: byRule(true, (_i, j) => odd(j)),
  rot180: byRule(false, (i, j) => !odd(i + j)),
  rot270: byRule(true, (i) => odd(i)),
  flipx: byRule(false, (i) => odd(i)),
  flipy: byRule(false, (_i, j) => odd(j)),
  transpose: byRule(true, () => true),
  antitranspose: byRule(true, (i, j) => !odd(i + j)),
};
