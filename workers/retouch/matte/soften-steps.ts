// Stage 3d — no cut lines through the piece. Inside a piece α does not drop by more than half the way
// between two neighbouring pixels unless the piece ends there; the matte can still draw such a step
// where the fill's decisions meet the network's map, where the ramp (network-alpha.ts) doubles a steep
// map, or where the edge stage moved one pixel and not the next. On each such step whose lower side is
// itself mostly opaque, the higher pixel is lowered to its 3×3 mean (never raised: raising spreads α
// onto the surface, a fringe). Then the outline against the clear surface: where the network's
// outline sits a pixel off the true one, its steep ramp is a seam on the surface or inside the piece,
// so no pixel may stand more than 127/255 above its lowest 4-neighbour in the written cutout
// (clampOutline, outlineFloor, raiseOutlineFloor). Lowering only (but for a 1/255 floor beside the
// piece) keeps the fringe off the surface. ../shared/data/cutout-dev, every third piece on the sweep,
// grey, blue and white (52 scenes, bench/cutout): seams 0.021 / 0.021 / 0.006 / 0.009 → 0 per 10⁴ flat
// pairs; IoU, MAE, boundary F, bleed and opaque kept unchanged to the third decimal.
import type { Box, Plane } from "../types";

/**
 * Pixels whose α differs from a 4-neighbour's by more than this are softened: half the way, less the
 * 8-bit PNG's rounding (a float step of 0.5 can be written as 128/255 − 0/255 > 0.5).
 */
export const MAX_STEP = 0.48;
/**
 * A step counts only when its lower side is at least this opaque: a dip inside the piece or a cut line
 * through it. Below it the step is the outline against the surface, clampOutline's business: softening
 * it to a mean spreads α onto surface pixels, which the cutout then carries as a fringe (the ISNet
 * fixtures' backdrop bleed, tests/integration/engine/isnet.test.ts: 0.078 untouched; 0.087 with 0.3,
 * 0.090 with 0.02; at 0.45 within the test's 0.085).
 */
const LOWER_SIDE = 0.45;

/**
 * Softens every step steeper than `maxStep` in place (two passes: the first pass's means can leave a
 * step at the rim of a long straight edge), then clamps the outline (clampOutline); returns how many
 * pixels were changed. With `box` (the matte's box outside which α = 0, so no step lies beyond its
 * rim) only that box is scanned.
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
  return changed + clampOutline(alpha, b);
}

/** The cutout is written as round(α·255) (decontaminate.ts); steps are judged on those levels. */
const LEVELS = 255;
/** The most one pixel may stand above a neighbour, in levels: 127/255 < ½, 128/255 ≥ ½. */
const STEP_LEVELS = 127;
const level = (v: number) => Math.round(Math.min(1, Math.max(0, v)) * LEVELS);

/**
 * No pixel of `box` stands more than 127/255 above its lowest 4-neighbour: the largest plane under α
 * (but for one level) whose steps are all under ½, whatever the order. A clear neighbour counts as
 * 1/255, which the cutout gives it (raiseOutlineFloor): so a pixel of the piece (α ≥ ½, 128 levels)
 * never leaves it for the clamp, and a wire one pixel wide stays in the cutout at 128/255.
 * Returns the pixels lowered.
 */
export function clampOutline(alpha: Plane, box: Box): number {
  const { width: W, height: H, data: A } = alpha;
  const xb = box.x + box.w;
  const yb = box.y + box.h;
  const inBox = (x: number, y: number) => x >= box.x && x < xb && y >= box.y && y < yb;
  /** The level the lowest 4-neighbour is written at (a clear one at 1). */
  const floor = (i: number, x: number, y: number) => {
    let lo = A[i]!;
    if (x > 0 && A[i - 1]! < lo) lo = A[i - 1]!;
    if (x + 1 < W && A[i + 1]! < lo) lo = A[i + 1]!;
    if (y > 0 && A[i - W]! < lo) lo = A[i - W]!;
    if (y + 1 < H && A[i + W]! < lo) lo = A[i + W]!;
    return Math.max(1, level(lo));
  };
  const tooHigh = (i: number, x: number, y: number) => level(A[i]!) - floor(i, x, y) > STEP_LEVELS;
  // Only a pixel of at least 129 levels can stand more than 127 above a floor of 1 or more, and only
  // beside a neighbour more than 127/255 below it: both read as plain floats first (the scan covers the
  // whole box; the exact level test runs on the few that pass).
  const minHigh = 128.5 / LEVELS;
  const gap = STEP_LEVELS / LEVELS;
  let queue: number[] = [];
  for (let y = box.y; y < yb; y++)
    for (let x = box.x, i = y * W + box.x; x < xb; x++, i++) {
      const a = A[i]!;
      if (a < minHigh) continue;
      const t = a - gap;
      if (
        (x > 0 && A[i - 1]! < t) ||
        (x + 1 < W && A[i + 1]! < t) ||
        (y > 0 && A[i - W]! < t) ||
        (y + 1 < H && A[i + W]! < t)
      )
        if (tooHigh(i, x, y)) queue.push(i);
    }
  let changed = 0;
  while (queue.length) {
    const next: number[] = [];
    for (const i of queue) {
      const x = i % W;
      const y = (i - x) / W;
      if (!tooHigh(i, x, y)) continue;
      A[i] = (floor(i, x, y) + STEP_LEVELS) / LEVELS;
      changed++;
      // A lowered pixel may leave its neighbours standing too high above it.
      if (inBox(x - 1, y)) next.push(i - 1);
      if (inBox(x + 1, y)) next.push(i + 1);
      if (inBox(x, y - 1)) next.push(i - W);
      if (inBox(x, y + 1)) next.push(i + W);
    }
    queue = next;
  }
  return changed;
}

/**
 * The cutout's side of clampOutline, read on the matte: every clear pixel beside one of 128 levels or
 * more, as pairs [clear pixel, that neighbour] (flat). `box` (outside which α = 0) is read with a
 * 1-pixel rim.
 */
export function outlineFloor(alpha: Plane, box: Box | null): Int32Array {
  if (!box) return new Int32Array(0);
  const { width: W, height: H, data: A } = alpha;
  const x0 = Math.max(0, box.x - 1);
  const y0 = Math.max(0, box.y - 1);
  const x1 = Math.min(W, box.x + box.w + 1);
  const y1 = Math.min(H, box.y + box.h + 1);
  const pairs: number[] = [];
  // Levels read as floats: round(α·255) is 0 below half a level and above 127 from 127.5 levels on.
  const clear = 0.5 / LEVELS;
  const highFrom = (STEP_LEVELS + 0.5) / LEVELS;
  const high = (j: number) => A[j]! >= highFrom;
  for (let y = y0; y < y1; y++)
    for (let x = x0, i = y * W + x0; x < x1; x++, i++) {
      if (A[i]! >= clear) continue;
      // The first high 4-neighbour (left, right, up, down) lends its colour.
      if (x > 0 && high(i - 1)) pairs.push(i, i - 1);
      else if (x + 1 < W && high(i + 1)) pairs.push(i, i + 1);
      else if (y > 0 && high(i - W)) pairs.push(i, i - W);
      else if (y + 1 < H && high(i + W)) pairs.push(i, i + W);
    }
  return Int32Array.from(pairs);
}

/**
 * Gives each clear pixel of `pairs` (outlineFloor's) α = 1/255 and its neighbour's colour — a hundredth
 * of the least that shows on white — where the RGBA cutout still has it clear beside a pixel of 128 levels
 * or more. Done on the cutout after the dust search: raised in the matte, before it, 2 of the 57 specks
 * beside catchlights at 640 px were no longer found (tests/unit/engine/spots-generators.test.ts). Read on
 * the matte before the merchant's brush, so an erased stroke stays clear to its edge. Returns the pixels
 * raised.
 */
export function raiseOutlineFloor(rgba: Uint8Array, pairs: Int32Array): number {
  let raised = 0;
  for (let k = 0; k < pairs.length; k += 2) {
    const q = 4 * pairs[k]!;
    const p = 4 * pairs[k + 1]!;
    if (rgba[q + 3] !== 0 || rgba[p + 3]! <= STEP_LEVELS) continue;
    rgba[q] = rgba[p]!;
    rgba[q + 1] = rgba[p + 1]!;
    rgba[q + 2] = rgba[p + 2]!;
    rgba[q + 3] = 1;
    raised++;
  }
  return raised;
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
