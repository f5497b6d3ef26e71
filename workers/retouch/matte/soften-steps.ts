// Stage 3d — no cut lines through the piece. Inside a piece α does not drop by more than half the way
// between two neighbouring pixels unless the piece ends there; the matte can still draw such a step
// where the fill's decisions meet the network's map, where the ramp (network-alpha.ts) doubles a steep
// map, or where the edge stage moved one pixel and not the next. On each such step whose lower side is
// itself mostly opaque, the higher pixel is lowered to its 3×3 mean (never raised: raising spreads α
// onto the surface, a fringe). The outline against the clear surface is the network's and stays as drawn.
import type { Box, Plane } from "../types";

/**
 * Pixels whose α differs from a 4-neighbour's by more than this are softened: half the way, less the
 * 8-bit PNG's rounding (a float step of 0.5 can be written as 128/255 − 0/255 > 0.5).
 */
export const MAX_STEP = 0.48;
/**
 * A step counts only when its lower side is at least this opaque: a dip inside the piece or a cut line
 * through it. Below it the step is the outline against the surface, the network's edge, left as drawn:
 * softening it spreads α onto surface pixels, which the cutout then carries as a fringe (the ISNet
 * fixtures' backdrop bleed, tests/integration/engine/isnet.test.ts: 0.078 untouched; 0.087 with 0.3,
 * 0.090 with 0.02; at 0.45 within the test's 0.085).
 */
const LOWER_SIDE = 0.45;

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

function steep(a: number, b: number, maxStep: number): boolean {
  return Math.abs(a - b) > maxStep && Math.min(a, b) >= LOWER_SIDE;
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
      if (x + 1 < xb && steep(a, A[i + 1]!, maxStep)) list.push(a > A[i + 1]! ? i : i + 1);
      if (y + 1 < yb && steep(a, A[i + W]!, maxStep)) list.push(a > A[i + W]! ? i : i + W);
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
    next[k] = Math.min(A[i]!, s / c);
  }
  for (let k = 0; k < list.length; k++) A[list[k]!] = next[k]!;
  return list.length;
}
