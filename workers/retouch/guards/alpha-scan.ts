// One pass over the full-resolution matte gives both what the guards need from it at full size: the
// coarse whole-frame alpha (box mean at scale s) and the piece's bounding box (pixels above a level).
// Separately these were two reads of 4 M floats (~12 ms at 4 MP); fused, the box costs a flag per
// coarse block and then a look at a few rows and columns: every pixel above the level lies in a
// flagged block, so the extreme flagged blocks bound the box to within s pixels.
import type { Plane } from "../types";
import { scratch } from "../pixels/scratch";

export interface PixelBox {
  x0: number;
  y0: number;
  /** Inclusive. */
  x1: number;
  y1: number;
}

export interface AlphaScan {
  /** Box mean of alpha over s×s blocks, w×h. */
  coarse: Float32Array;
  w: number;
  h: number;
  /** Full-resolution box of the pixels above the level, or null when there are none. */
  box: PixelBox | null;
}

export function scanAlpha(p: Plane, s: number, level: number): AlphaScan {
  const W = p.width;
  const H = p.height;
  const d = p.data;
  const w = Math.floor(W / s) || 1;
  const h = Math.floor(H / s) || 1;
  const coarse = new Float32Array(w * h);
  const hot = scratch("guards.hotBlocks", Uint8Array, w * h).fill(0, 0, w * h);
  const acc = scratch("guards.blocks", Float64Array, w);
  for (let y = 0; y < h; y++) blockRow(d, y, W, w, s, level, coarse, hot, acc);
  let box = blockBox(p, s, w, h, hot, level);
  // Columns right of and rows below the last whole block are outside the coarse grid.
  if (w * s < W) box = union(box, scanRect(p, w * s, 0, W, H, level));
  if (h * s < H) box = union(box, scanRect(p, 0, h * s, W, H, level));
  return { coarse, w, h, box };
}

/**
 * One row of blocks. Each block sums its pixels row by row, left to right, as a block-by-block walk
 * does (so the means are the same to the last bit), but the walk goes one (dy, dx) offset at a time
 * across all blocks: a flat loop per call. Loops nested in a function called once per image (or
 * even once per row) ran through V8's on-stack replacement, which kept leaving and re-entering
 * optimised code (hundreds of deoptimisations per image); flat kernels are optimised as hot functions.
 */
function blockRow(
  d: Float32Array,
  y: number,
  W: number,
  w: number,
  s: number,
  level: number,
  coarse: Float32Array,
  hot: Uint8Array,
  acc: Float64Array,
): void {
  acc.fill(0, 0, w);
  const o = y * w;
  for (let dy = 0; dy < s; dy++) {
    const q = (y * s + dy) * W;
    // Three offsets per pass where possible: a third of the loads and stores of the sums.
    let dx = 0;
    for (; dx + 3 <= s; dx += 3) addOffsets3(d, q + dx, w, s, acc, hot, o, level);
    for (; dx < s; dx++) addOffset(d, q + dx, w, s, acc, hot, o, level);
  }
  finishRow(coarse, acc, o, w, 1 / (s * s));
}

/** Pixel (dx, dy) of every block of the row into its sum; flags blocks holding a pixel above the level. */
function addOffset(
  d: Float32Array,
  q: number,
  w: number,
  s: number,
  acc: Float64Array,
  hot: Uint8Array,
  o: number,
  level: number,
): void {
  for (let x = 0; x < w; x++, q += s) {
    const v = d[q]!;
    acc[x] += v;
    if (v > level) hot[o + x] = 1;
  }
}

/** Pixels dx, dx+1, dx+2 of every block, added in that order. */
function addOffsets3(
  d: Float32Array,
  q: number,
  w: number,
  s: number,
  acc: Float64Array,
  hot: Uint8Array,
  o: number,
  level: number,
): void {
  for (let x = 0; x < w; x++, q += s) {
    const v0 = d[q]!;
    const v1 = d[q + 1]!;
    const v2 = d[q + 2]!;
    acc[x] = acc[x]! + v0 + v1 + v2;
    if (v0 > level || v1 > level || v2 > level) hot[o + x] = 1;
  }
}

function finishRow(coarse: Float32Array, acc: Float64Array, o: number, w: number, inv: number): void {
  for (let x = 0; x < w; x++) coarse[o + x] = acc[x]! * inv;
}

/** Exact box of the pixels above the level inside the hot blocks. */
function blockBox(p: Plane, s: number, w: number, h: number, hot: Uint8Array, level: number): PixelBox | null {
  let bx0 = w;
  let by0 = h;
  let bx1 = -1;
  let by1 = -1;
  for (let i = 0, x = 0, y = 0; i < w * h; i++) {
    if (hot[i]) {
      if (x < bx0) bx0 = x;
      if (x > bx1) bx1 = x;
      if (y < by0) by0 = y;
      by1 = y;
    }
    if (++x === w) {
      x = 0;
      y++;
    }
  }
  if (bx1 < 0) return null;
  // The extreme pixels lie in the extreme blocks' bands: scan those bands only.
  const ya = by0 * s;
  const yb = (by1 + 1) * s;
  const xa = bx0 * s;
  const xb = (bx1 + 1) * s;
  const top = scanRect(p, xa, ya, xb, ya + s, level)!;
  const bottom = scanRect(p, xa, yb - s, xb, yb, level)!;
  const left = scanRect(p, xa, ya, xa + s, yb, level)!;
  const right = scanRect(p, xb - s, ya, xb, yb, level)!;
  return { x0: left.x0, y0: top.y0, x1: right.x1, y1: bottom.y1 };
}

/** Box of the pixels above the level in [x0, x1) × [y0, y1), or null. */
function scanRect(p: Plane, x0: number, y0: number, x1: number, y1: number, level: number): PixelBox | null {
  let bx0 = x1;
  let by0 = y1;
  let bx1 = -1;
  let by1 = -1;
  for (let y = y0; y < y1; y++) {
    const first = firstAbove(p.data, y * p.width, x0, x1, level);
    if (first < 0) continue;
    if (by0 > y) by0 = y;
    by1 = y;
    if (first < bx0) bx0 = first;
    const last = lastAbove(p.data, y * p.width, x0, x1, level);
    if (last > bx1) bx1 = last;
  }
  return bx1 < 0 ? null : { x0: bx0, y0: by0, x1: bx1, y1: by1 };
}

/** First x in [x0, x1) of the row with a value above the level, or −1. */
function firstAbove(d: Float32Array, row: number, x0: number, x1: number, level: number): number {
  for (let x = x0; x < x1; x++) if (d[row + x]! > level) return x;
  return -1;
}

function lastAbove(d: Float32Array, row: number, x0: number, x1: number, level: number): number {
  for (let x = x1 - 1; x >= x0; x--) if (d[row + x]! > level) return x;
  return -1;
}

function union(a: PixelBox | null, b: PixelBox | null): PixelBox | null {
  if (!a) return b;
  if (!b) return a;
  return { x0: Math.min(a.x0, b.x0), y0: Math.min(a.y0, b.y0), x1: Math.max(a.x1, b.x1), y1: Math.max(a.y1, b.y1) };
}
