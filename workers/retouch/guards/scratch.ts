// Reusable temporaries for the filters. A 4 MP pair used to allocate dozens of canvas-sized
// Float32Arrays per run only to throw them away (garbage collection was ~20 ms of a run); the
// filters' intermediate buffers never escape a call, so one buffer per slot, grown on demand, does.
// Slots are distinct so that no two live temporaries of one call share memory.

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

const f32: Float32Array[] = [];
const f64: Float64Array[] = [];

/** A Float32Array of at least n entries for the given slot (contents undefined). */
export function scratch32(slot: number, n: number): Float32Array {
  let a = f32[slot];
  if (!a || a.length < n) f32[slot] = a = new Float32Array(Math.max(n, Math.ceil((a?.length ?? 0) * 1.25)));
  return a;
}

/** A Float64Array of at least n entries for the given slot (contents undefined). */
export function scratch64(slot: number, n: number): Float64Array {
  let a = f64[slot];
  if (!a || a.length < n) f64[slot] = a = new Float64Array(Math.max(n, Math.ceil((a?.length ?? 0) * 1.25)));
  return a;
}

const u8: Uint8Array[] = [];

/** Uint8 slots: 0 the coarse blocks' flags (alpha-scan.ts). */
export function scratch8(slot: number, n: number): Uint8Array {
  let a = u8[slot];
  if (!a || a.length < n) u8[slot] = a = new Uint8Array(Math.max(n, Math.ceil((a?.length ?? 0) * 1.25)));
  return a;
}

let stack = new Int32Array(0);

/** The flood fill's stack (labelComponents). */
export function scratchStack(n: number): Int32Array {
  if (stack.length < n) stack = new Int32Array(n);
  return stack;
}

/** Buffers kept between images at most: a 4 MP image's working crop (~0.2 M pixels) fits easily. */
const KEEP = 1 << 20;

/** Drops buffers larger than KEEP entries, so that one huge image does not pin its temporaries. */
export function trimScratch(): void {
  for (const list of [f32, f64, u8] as Array<Array<ArrayLike<number> | undefined>>)
    for (let i = 0; i < list.length; i++) if ((list[i]?.length ?? 0) > KEEP) list[i] = undefined;
  if (stack.length > KEEP) stack = new Int32Array(0);
}
