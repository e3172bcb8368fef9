import { describe, expect, it } from 'vitest';
import { digestBuffer } from './digest';

describe('digestBuffer', () => {
  it('returns md5 and sha256 hex', () => {
    expect(digestBuffer(Buffer.from('abc'))).toEqual({
      md5: '900150983cd24fb0d6963f7d28e17f72',
      sha256: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    });
  });
});
