// The crop of the photo the spot search runs on, as one value: the full RGBA image (W wide), the crop's
// place in it (cw × ch at (bx, by)) and its interior mask (the piece away from its edge). Spot boxes
// and blob pixel indices are in crop coordinates; the ring and colour tests read the image through it.
export interface SpotCrop {
  rgba: Uint8Array;
  W: number;
  cw: number;
  ch: number;
  bx: number;
  by: number;
  inner: Uint8Array;
}
