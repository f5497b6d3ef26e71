// Reusable temporaries for the pixel stages. A 4 MP image used to allocate dozens of plane-sized
// typed arrays per stage only to drop them; their allocation and the collections they triggered were
// 10–20 % of the matte, spot and guard stages. A worker thread retouches one image at a time and these
// buffers never escape the call that takes them, so one buffer per named slot, grown on demand, is
// enough. Names are "<stage>.<what>" so that no two temporaries alive at once share memory.

type Typed = Float32Array | Float64Array | Uint8Array | Uint16Array | Int32Array;

const pool = new Map<string, Typed>();

/** A buffer of at least n entries for the slot (contents undefined; may be longer than n). */
export function scratch<T extends Typed>(slot: string, Type: new (n: number) => T, n: number): T {
  const a = pool.get(slot);
  if (a instanceof Type && a.length >= n) return a;
  // Grown by a quarter at least, so a run of slightly larger images doesn't reallocate each time.
  const b = new Type(Math.max(n, Math.ceil((a?.length ?? 0) * 1.25)));
  pool.set(slot, b);
  return b;
}

/** Buffers kept between images: a 4 MP image's temporaries fit; one huge image does not pin its own. */
const KEEP_BYTES = 4 << 20;

/** Drops the buffers larger than KEEP_BYTES (called once an image is done). */
export function trimScratch(): void {
  for (const [slot, a] of pool) if (a.byteLength > KEEP_BYTES) pool.delete(slot);
}
