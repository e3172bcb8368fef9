/** 8-bit pixels, row-major, interleaved; 1 channel (grey) or 3 (RGB). */
export interface RawImage {
  data: Uint8Array;
  width: number;
  height: number;
  channels: 1 | 3;
}
