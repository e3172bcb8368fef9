/**
 * The matcher's innermost loop as a 60-byte WebAssembly function: JS has no popcount instruction, and this loop
 * runs ~4,000 times per query at 1M entries. With wasm's i32.popcnt the loop itself runs ~3x faster than the best
 * JS (SWAR popcount) version measured, and whole queries 1.6x faster. Sketches (12 bytes per posting) live in wasm
 * memories of up to 2 GB, each shared by as many slots as fit: one memory (one `scan` function) keeps the
 * JS-to-wasm call site monomorphic, which V8 needs to inline the call (16 per-slot instances ran 1.2x slower).
 *
 * The bytes below are this module, hand-assembled (no toolchain dependency):
 *
 *   (module
 *     (import "env" "mem" (memory 1))
 *     ;; Byte offset of the first posting in [p, end) whose sketch is within t bits of (qa, qb, qc); else end.
 *     (func (export "scan") (param $p i32) (param $end i32) (param $qa i32) (param $qb i32) (param $qc i32)
 *                           (param $t i32) (result i32)
 *       (block $done
 *         (loop $next
 *           (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
 *           (br_if $done (i32.le_u
 *             (i32.add (i32.add (i32.popcnt (i32.xor (i32.load offset=0 (local.get $p)) (local.get $qa)))
 *                               (i32.popcnt (i32.xor (i32.load offset=4 (local.get $p)) (local.get $qb))))
 *                      (i32.popcnt (i32.xor (i32.load offset=8 (local.get $p)) (local.get $qc))))
 *             (local.get $t)))
 *           (local.set $p (i32.add (local.get $p) (i32.const 12)))
 *           (br $next)))
 *       (local.get $p)))
 */
// prettier-ignore
const MODULE_BYTES = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // magic, version 1
  0x01, 0x0b, 0x01, 0x60, 0x06, 0x7f, 0x7f, 0x7f, 0x7f, 0x7f, 0x7f, 0x01, 0x7f, // type: (i32 x6) -> i32
  0x02, 0x0c, 0x01, 0x03, 0x65, 0x6e, 0x76, 0x03, 0x6d, 0x65, 0x6d, 0x02, 0x00, 0x01, // import env.mem, min 1 page
  0x03, 0x02, 0x01, 0x00, // function 0 has type 0
  0x07, 0x08, 0x01, 0x04, 0x73, 0x63, 0x61, 0x6e, 0x00, 0x00, // export "scan" = function 0
  0x0a, 0x3e, 0x01, 0x3c, 0x00, // code: one body of 60 bytes, no locals
  0x02, 0x40, 0x03, 0x40, // block, loop
  0x20, 0x00, 0x20, 0x01, 0x4f, 0x0d, 0x01, // br_if done (p >= end)
  0x20, 0x00, 0x28, 0x02, 0x00, 0x20, 0x02, 0x73, 0x69, // popcnt(load(p) ^ qa)
  0x20, 0x00, 0x28, 0x02, 0x04, 0x20, 0x03, 0x73, 0x69, 0x6a, // + popcnt(load(p + 4) ^ qb)
  0x20, 0x00, 0x28, 0x02, 0x08, 0x20, 0x04, 0x73, 0x69, 0x6a, // + popcnt(load(p + 8) ^ qc)
  0x20, 0x05, 0x4d, 0x0d, 0x01, // br_if done (sum <= t)
  0x20, 0x00, 0x41, 0x0c, 0x6a, 0x21, 0x00, // p += 12
  0x0c, 0x00, 0x0b, 0x0b, // br loop, end loop, end block
  0x20, 0x00, 0x0b, // return p
]);

export const SKETCH_BYTES = 12;

let compiled: WebAssembly.Module | undefined;

export interface SketchStore {
  /** The whole memory as int32s (a posting at byte offset b is at [b / 4, b / 4 + 3)). */
  view: Int32Array;
  /** Byte offset of the first posting in [from, end) (byte offsets) within t bits of (qa, qb, qc), or end. */
  scan: (from: number, end: number, qa: number, qb: number, qc: number, t: number) => number;
}

/** Byte offsets stay below 2^31 so they cross the JS/wasm boundary as plain int32s. */
export const MAX_STORE_BYTES = 0x7fff0000;

export function createSketchStore(bytes: number): SketchStore {
  if (bytes > MAX_STORE_BYTES) throw new Error('sketch store over 2 GB');
  compiled ??= new WebAssembly.Module(MODULE_BYTES);
  const mem = new WebAssembly.Memory({ initial: Math.max(1, Math.ceil(bytes / 65536)) });
  const instance = new WebAssembly.Instance(compiled, { env: { mem } });
  return { view: new Int32Array(mem.buffer), scan: instance.exports.scan as SketchStore['scan'] };
}
