// The spot stage's temporaries (pixels/scratch.ts): a 4 MP piece box is ~1.2 MP and the stage used
// ~10 such planes per image. Each slot returns exactly n entries.
import { scratch } from "../pixels/scratch";

/** One slot per temporary that can be live at the same time as another. */
export const Slot = { Y: 0, Need: 1, Inner: 2, Median: 3, Highlight: 4, MedianRows: 5, RowSums: 6 } as const;
type SlotId = (typeof Slot)[keyof typeof Slot];

/** n bytes for the slot. */
export function scratch8(slot: SlotId, n: number): Uint8Array {
  return scratch(`spots.u8.${slot}`, Uint8Array, n).subarray(0, n);
}

/** n 16-bit entries for the slot. */
export function scratch16(slot: SlotId, n: number): Uint16Array {
  return scratch(`spots.u16.${slot}`, Uint16Array, n).subarray(0, n);
}
