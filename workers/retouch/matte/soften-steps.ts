// Stage 3d — no staircases. A photographed edge is never a step of more than half the way from clear to
// opaque between two neighbouring pixels: optics and the sensor spread every outline over at least a
// pixel or two. The matte can still draw one where the network's map is steep and the ramp
// (network-alpha.ts) doubles its slope, where the fill's decisions meet the map, or where the edge stage
// moved one pixel and not the next. Such pixels, and only they, are replaced by their 3×3 mean, which
// turns a full step into thirds. Measured on ../shared/data/cutout-dev (`npm run bench -- --only
// cutout`, 195 scenes): seams (jumps > 0.5 inside flat truth, per 10⁴ pairs) 0.04 → 0.00 on every
// surface, IoU, MAE and boundary F unchanged at three decimals (every third piece, sweep and grey).
import type { Box, Plane } from "../types";

/**
 * Pixels whose α differs from a 4-neighbour's by more than this are softened: half the way, less the
 * 8-bit PNG's rounding (a float step of 0.5 can be written as 128/255 − 0/255 > 0.5).
 */
export const MAX_STEP = 0.48;

/**
 * Softens every step steeper than `maxStep` in place (two passes: the first pass's means can leave a
 * step at the rim of a long straight edge); returns how many pixels were changed. With `box` (the
 * matte's box outside which α = 0, so no step lies beyond its rim) only that box is scanned.
 */
export function softenSteps(alpha: Plane, box: Box | null = null, maxStep = MAX_STEP, passes = 2): number {
  const { width: W, height: H } = alpha;
  const b = box ?? { x: 0, y: 0, w: W, h: H };
  let changed = 0;
  for (let p = 0; p < passes && b.w > 0 && b.h > 0; p++) {
    const n = softenOnce(alpha, b, maxStep);
    changed += n;
    if (!n) break;
  }
  return changed;
}

function softenOnce(alpha: Plane, box: Box, maxStep: number): number {
  const { width: W, height: H, data: A } = alpha;
  const xb = box.x + box.w;
  const yb = box.y + box.h;
  // Steep pixels, collected as indices (a pixel may be listed twice; it gets the same mean twice): a
  // handful per edge, so no full-frame plane is needed.
  const list: number[] = [];
  for (let y = box.y; y < yb; y++) {
    const o = y * W;
    for (let x = box.x; x < xb; x++) {
      const i = o + x;
      const a = A[i]!;
      if (x + 1 < xb && Math.abs(a - A[i + 1]!) > maxStep) list.push(i, i + 1);
      if (y + 1 < yb && Math.abs(a - A[i + W]!) > maxStep) list.push(i, i + W);
    }
  }
  // Means from the unchanged plane first, then written: the result does not depend on the order.
  const next = new Float32Array(list.length);
  for (let k = 0; k < list.length; k++) {
    const i = list[k]!;
    const x = i % W;
    const y = (i - x) / W;
    let s = 0;
    let c = 0;
    for (let yy = Math.max(0, y - 1); yy <= Math.min(H - 1, y + 1); yy++)
      for (let xx = Math.max(0, x - 1); xx <= Math.min(W - 1, x + 1); xx++) {
        s += A[yy * W + xx]!;
        c++;
      }
    next[k] = s / c;
  }
  for (let k = 0; k < list.length; k++) A[list[k]!] = next[k]!;
  return list.length;
}
