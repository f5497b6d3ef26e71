// The piece's opaque part: spots are only looked for where α ≥ 0.98 (mixed edge pixels are the
// matte's business).
import type { Box } from "../types";

export const OPAQUE = 0.98;

/** Bounding box of α ≥ OPAQUE, scanning each row inwards from both ends (no mask plane needed). */
export function opaqueBox(alpha: Float32Array, W: number, H: number): Box | null {
  let x0 = W;
  let y0 = -1;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < H; y++) {
    const o = y * W;
    let a = 0;
    while (a < W && !(alpha[o + a]! >= OPAQUE)) a++;
    if (a === W) continue;
    let b = W - 1;
    while (!(alpha[o + b]! >= OPAQUE)) b--;
    if (y0 < 0) y0 = y;
    y1 = y;
    if (a < x0) x0 = a;
    if (b > x1) x1 = b;
  }
  return y0 < 0 ? null : { x: x0, y: y0, w: x1 - x0 + 1, h: y1 - y0 + 1 };
}
