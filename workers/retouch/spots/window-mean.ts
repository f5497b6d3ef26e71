// boxMean(plane, w, h, r)[y·w + x] of pixels/box-mean.ts at single pixels of an integer-valued plane,
// bit for bit, without computing the plane. The spot filter reads the local activity only where a
// pixel is far enough from the median to be a candidate (0.1–5 % of the box), and the candidate
// density at one pixel per spot; the two full planes (r = 3R and 6R) were ~20 ms at 4 MP.
//
// Why the values are exact: boxMean rounds each row's window mean to float32 (a row sum of integers
// is exact), then keeps a running double sum of those down each column. For r < 256 a nonzero row
// mean is at least 1/(2r + 1) > 2⁻⁹, so as a float32 it is a multiple of 2⁻³²; the sums stay below 2¹⁷, so
// every partial sum is a multiple of 2⁻³² below 2²¹ — exactly representable in double. The running
// sum at row y is therefore exactly the sum of the window's row means, however it was reached, and
// so is the sum computed here. A unit test checks both classes against boxMean.
import { scratchOf } from "../pixels/scratch";

/** Pixels the clamped window [c − r, c + r] ∩ [0, n) holds. */
const span = (c: number, r: number, n: number) => Math.min(c + r, n - 1) - Math.max(c - r, 0) + 1;

/**
 * Dense rows, pushed top to bottom (setRow), then read (at). A column's last window sum is kept and
 * slid when the next read in it is near, as in raster-order reads.
 */
export class RowBoxMean {
  /** Row window sums, ≤ 255 · (2r + 1) < 2¹⁶ for r ≤ 128. */
  private readonly sums: Uint16Array;
  private readonly acc: Float64Array;
  /** Row of each column's kept sum, −1 if none. */
  private readonly row: Int32Array;

  constructor(
    private readonly w: number,
    private readonly h: number,
    private readonly r: number,
  ) {
    if (255 * (2 * r + 1) > 0xffff) throw new RangeError(`window radius ${r} too large for 16-bit sums`);
    this.sums = scratchOf("spots.rowSums", Uint16Array, w * h);
    this.acc = new Float64Array(w);
    this.row = new Int32Array(w).fill(-1);
  }

  /** Row y of the plane (8-bit values, w of them). */
  setRow(y: number, values: Uint8Array): void {
    const { w, r, sums } = this;
    const o = y * w;
    let acc = 0;
    for (let x = 0; x <= Math.min(r, w - 1); x++) acc += values[x]!;
    for (let x = 0; x < w; x++) {
      sums[o + x] = acc;
      if (x + r + 1 < w) acc += values[x + r + 1]!;
      if (x - r >= 0) acc -= values[x - r]!;
    }
  }

  at(x: number, y: number): number {
    const { w, h, r, sums } = this;
    const cnt = span(x, r, w);
    let from = this.row[x]!;
    let acc = this.acc[x]!;
    if (from < 0 || y < from || y - from > 2 * r) {
      acc = 0;
      for (let k = Math.max(0, y - r); k <= Math.min(h - 1, y + r); k++) acc += Math.fround(sums[k * w + x]! / cnt);
    } else
      for (; from < y; from++) {
        if (from + r + 1 < h) acc += Math.fround(sums[(from + r + 1) * w + x]! / cnt);
        if (from - r >= 0) acc -= Math.fround(sums[(from - r) * w + x]! / cnt);
      }
    this.row[x] = y;
    this.acc[x] = acc;
    return Math.fround(acc / span(y, r, h));
  }
}

/** A sparse 0/1 plane given as its set pixels in raster order. */
export class SparseBoxMean {
  private readonly ys: number[] = [];
  /** Per row in ys: its set pixels' x, ascending. */
  private readonly xs: number[][] = [];

  constructor(
    set: ArrayLike<number>,
    private readonly w: number,
    private readonly h: number,
    private readonly r: number,
  ) {
    if (r >= 256) throw new RangeError(`window radius ${r} too large for exact sums`);
    for (let k = 0; k < set.length; k++) {
      const y = Math.floor(set[k]! / w);
      if (this.ys[this.ys.length - 1] !== y) {
        this.ys.push(y);
        this.xs.push([]);
      }
      this.xs[this.xs.length - 1]!.push(set[k]! - y * w);
    }
  }

  at(x: number, y: number): number {
    const { w, h, r, ys, xs } = this;
    const cnt = span(x, r, w);
    let acc = 0;
    for (let k = countIn(ys, -Infinity, y - r - 1); k < ys.length && ys[k]! <= y + r; k++)
      acc += Math.fround(countIn(xs[k]!, x - r, x + r) / cnt);
    return Math.fround(acc / span(y, r, h));
  }
}

/** How many of the ascending values lie in [lo, hi]. */
function countIn(sorted: number[], lo: number, hi: number): number {
  const first = (v: number) => {
    let a = 0;
    let b = sorted.length;
    while (a < b) {
      const m = (a + b) >> 1;
      if (sorted[m]! < v) a = m + 1;
      else b = m;
    }
    return a;
  };
  return first(hi + 1) - first(lo);
}
