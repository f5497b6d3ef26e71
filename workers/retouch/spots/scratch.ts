// Reusable plane-sized temporaries for the spot stage. A 4 MP piece box is ~1.2 MP and the stage
// used ~10 such planes per image, only to throw them away: their allocation and the collections
// they trigger were ~10 % of the stage. A worker thread retouches one image at a time and these
// never escape a call, so one buffer per slot, grown on demand, is enough. Contents are undefined.

/** One slot per temporary that can be live at the same time as another. */
export const Slot = { Y: 0, Need: 1, Inner: 2, Median: 3, Highlight: 4, MedianRows: 5, RowSums: 6 } as const;
type SlotId = (typeof Slot)[keyof typeof Slot];

const u8: Uint8Array[] = [];
const u16: Uint16Array[] = [];

/** n bytes for the slot. */
export function scratch8(slot: SlotId, n: number): Uint8Array {
  let a = u8[slot];
  if (!a || a.length < n) u8[slot] = a = new Uint8Array(n);
  return a.subarray(0, n);
}

/** n 16-bit entries for the slot. */
export function scratch16(slot: SlotId, n: number): Uint16Array {
  let a = u16[slot];
  if (!a || a.length < n) u16[slot] = a = new Uint16Array(n);
  return a.subarray(0, n);
}
