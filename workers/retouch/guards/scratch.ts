// The guards' temporaries (pixels/scratch.ts): a 4 MP pair used to allocate dozens of canvas-sized
// Float32Arrays per run only to throw them away (garbage collection was ~20 ms of a run).
// Slots are distinct so that no two live temporaries of one call share memory.
import { scratch } from "../pixels/scratch";

export { trimScratch } from "../pixels/scratch";

/** Float32 slots, one per temporary that can be alive at the same time as another. */
export const SLOT = {
  /** boxMean's row pass, and the second plane's for a pair (box-pair.ts). */
  boxRows: 0,
  boxRowsB: 1,
  /** convolveSeparable's row pass. */
  convRows: 2,
  /** The matte-weighted luminance of the highlight means (expected, after). */
  weighted: 3,
  weightedB: 4,
  /** analyzeRegions: L*² for the local σ. */
  squares: 5,
} as const;

/** Float64 slots. */
export const SLOT64 = {
  /** boxMean's running column sums, and the second plane's for a pair. */
  columns: 0,
  columnsB: 1,
  /** The downsamplers' running block sums. */
  blocks: 2,
} as const;

/** A Float32Array of at least n entries for the given slot (contents undefined). */
export function scratch32(slot: number, n: number): Float32Array {
  return scratch(`guards.f32.${slot}`, Float32Array, n);
}

/** A Float64Array of at least n entries for the given slot (contents undefined). */
export function scratch64(slot: number, n: number): Float64Array {
  return scratch(`guards.f64.${slot}`, Float64Array, n);
}

/** Uint8 slots: 0 the coarse blocks' flags (alpha-scan.ts). */
export function scratch8(slot: number, n: number): Uint8Array {
  return scratch(`guards.u8.${slot}`, Uint8Array, n);
}

/** The flood fill's stack (labelComponents). */
export function scratchStack(n: number): Int32Array {
  return scratch("guards.stack", Int32Array, n);
}
