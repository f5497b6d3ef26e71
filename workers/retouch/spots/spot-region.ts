// The local grid an in-paint works on: the spot's box grown by a margin, and the region to rewrite —
// the spot dilated by 2 px (the anti-aliased rim of a speck sits below the detection threshold but
// still shows), kept to the crop's interior mask.

export interface SpotRegion {
  /** Grid origin and size, in crop coordinates. */
  gx: number;
  gy: number;
  gw: number;
  gh: number;
  /** 1 where the grid pixel is rewritten; the rest of the grid is boundary. */
  region: Uint8Array;
}

/** pixels: the spot's indices in a crop of width cw; inner: the crop's mask of pixels that may change. */
export function spotRegion(pixels: Int32Array, cw: number, inner: Uint8Array, margin: number): SpotRegion {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const p of pixels) {
    const x = p % cw;
    const y = (p / cw) | 0;
    x0 = Math.min(x0, x);
    x1 = Math.max(x1, x);
    y0 = Math.min(y0, y);
    y1 = Math.max(y1, y);
  }
  const gx = x0 - margin;
  const gy = y0 - margin;
  const gw = x1 - x0 + 1 + 2 * margin;
  const gh = y1 - y0 + 1 + 2 * margin;
  const region = new Uint8Array(gw * gh);
  for (const p of pixels) {
    const x = (p % cw) - gx;
    const y = ((p / cw) | 0) - gy;
    for (let dy = -2; dy <= 2; dy++)
      for (let dx = -2; dx <= 2; dx++) {
        const ci = (y + dy + gy) * cw + x + dx + gx;
        if (inner[ci]) region[(y + dy) * gw + x + dx] = 1;
      }
  }
  return { gx, gy, gw, gh, region };
}
