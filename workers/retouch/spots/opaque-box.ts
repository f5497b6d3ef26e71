// The piece's opaque part: spots are only looked for where α ≥ 0.98 (mixed edge pixels are the
// matte's business).
import type { Box } from "../types";

export const OPAQUE = 0.98;

/**
 * Bounding box of α ≥ OPAQUE, scanning each row inwards from both ends (no mask plane needed). With
 * `within`, only that box is read (the caller knows α is below OPAQUE outside it).
 */
export function opaqueBox(
  alpha: Float32Array,
  W: number,
  H: number,
  within: Box = { x: 0, y: 0, w: W, h: H },
): Box | null {
  let x0 = W;
  let y0 = -1;
  let x1 = -1;
  let y1 = -1;
  const xa = within.x;
  const xb = within.x + within.w;
  for (let y = within.y; y < within.y + within.h; y++) {
    const o = y * W;
    let a = xa;
    while (a < xb && !(alpha[o + a]! >= OPAQUE)) a++;
    if (a === xb) continue;
    let b = xb - 1;
    while (!(alpha[o + b]! >= OPAQUE)) b--;
    if (y0 < 0) y0 = y;
    y1 = y;
    if (a < x0) x0 = a;
    if (b > x1) x1 = b;
  }
  return y0 < 0 ? null : { x: x0, y: y0, w: x1 - x0 + 1, h: y1 - y0 + 1 };
}
