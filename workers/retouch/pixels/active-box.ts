// Where a full-resolution plane is not zero. The piece usually covers a fraction of the frame, and
// every full-resolution pass after the matte (edge alpha, decontamination, the dust plane, shares)
// leaves α = 0 pixels as they are: those passes run on this box and keep the rest as allocated (0).
import type { Box } from "../types";

/**
 * Bounding box of the pixels of the W×H `plane` that are not 0 (NaN counts as not 0); null when none.
 * With `within`, only that box is read (the caller knows the plane is 0 outside it).
 */
export function activeBox(
  plane: Float32Array,
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
    while (a < xb && plane[o + a] === 0) a++;
    if (a === xb) continue;
    let b = xb - 1;
    while (plane[o + b] === 0) b--;
    if (y0 < 0) y0 = y;
    y1 = y;
    if (a < x0) x0 = a;
    if (b > x1) x1 = b;
  }
  return y0 < 0 ? null : { x: x0, y: y0, w: x1 - x0 + 1, h: y1 - y0 + 1 };
}

/** `box` grown by `margin` pixels on every side, clipped to the W×H frame. */
export function growBox(box: Box, margin: number, W: number, H: number): Box {
  const x = Math.max(0, box.x - margin);
  const y = Math.max(0, box.y - margin);
  return { x, y, w: Math.min(W, box.x + box.w + margin) - x, h: Math.min(H, box.y + box.h + margin) - y };
}

/** The smallest box holding both (either may be null). */
export function unionBox(a: Box | null, b: Box | null): Box | null {
  if (!a || !b) return a ?? b;
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return { x, y, w: Math.max(a.x + a.w, b.x + b.w) - x, h: Math.max(a.y + a.h, b.y + b.h) - y };
}

/**
 * A box on a coarser grid (sx × sy full-resolution pixels per grid pixel) as the full-resolution box
 * that covers it, clipped to the W × H frame when given.
 */
export function upscaleBox(b: Box, sx: number, sy: number, W = Infinity, H = Infinity): Box {
  const x = Math.floor(b.x * sx);
  const y = Math.floor(b.y * sy);
  return { x, y, w: Math.min(W, Math.ceil((b.x + b.w) * sx)) - x, h: Math.min(H, Math.ceil((b.y + b.h) * sy)) - y };
}
