// Reusable temporaries for the pixel stages. A 4 MP image used to allocate dozens of plane-sized
// typed arrays per stage only to drop them; their allocation and the collections they triggered were
// 10–20 % of the matte, spot and guard stages. A worker thread retouches one image at a time and these
// buffers never escape the call that takes them, so one buffer per named slot, grown on demand, is
// enough. Every slot is named below, "<stage>.<what>", one per temporary that can be alive at the same
// time as another, so that no two live temporaries share memory.

export type ScratchSlot =
  // Box means (box-mean.ts): the row pass and the running column sums.
  | "box.rows"
  | "box.columns"
  // The guards: the fused pair's two row passes and column sums (box-pair.ts), the separable
  // convolution's row pass, the matte-weighted luminance of both highlight means, L*² for the local σ,
  // the downsamplers' block sums, the coarse blocks' flags (alpha-scan.ts).
  | "guards.boxRows"
  | "guards.boxRowsB"
  | "guards.columns"
  | "guards.columnsB"
  | "guards.convRows"
  | "guards.weighted"
  | "guards.weightedB"
  | "guards.squares"
  | "guards.blocks"
  | "guards.hotBlocks"
  // The component labelling's flood-fill stack (components.ts: guards, matte, metrics).
  | "components.stack"
  // The spot stage: a 4 MP piece box is ~1.2 MP and the stage used ~10 such planes per image.
  | "spots.y"
  | "spots.need"
  | "spots.inner"
  | "spots.median"
  | "spots.highlight"
  | "spots.medianRows"
  | "spots.rowSums";

type Typed = Float32Array | Float64Array | Uint8Array | Uint16Array | Int32Array;

const pool = new Map<ScratchSlot, Typed>();

/** A buffer of at least n entries for the slot (contents undefined; may be longer than n). */
export function scratch<T extends Typed>(slot: ScratchSlot, Type: new (n: number) => T, n: number): T {
  const a = pool.get(slot);
  if (a instanceof Type && a.length >= n) return a;
  // Grown by a quarter at least, so a run of slightly larger images doesn't reallocate each time.
  const b = new Type(Math.max(n, Math.ceil((a?.length ?? 0) * 1.25)));
  pool.set(slot, b);
  return b;
}

/** Exactly n entries of the slot's buffer (contents undefined). */
export function scratchOf<T extends Typed>(slot: ScratchSlot, Type: new (n: number) => T, n: number): T {
  return scratch(slot, Type, n).subarray(0, n) as T;
}

/** Buffers kept between images: a 4 MP image's temporaries fit; one huge image does not pin its own. */
const KEEP_BYTES = 4 << 20;

/** Drops the buffers larger than KEEP_BYTES (called once an image is done). */
export function trimScratch(): void {
  for (const [slot, a] of pool) if (a.byteLength > KEEP_BYTES) pool.delete(slot);
}
