// Box means on single-channel Float32Array planes (row-major, width w, height h), by running sums:
// O(1) per pixel whatever the radius. Two border policies, named apart because they give different
// values near the frame: boxMean averages the in-image part of the window; boxMeanReplicated repeats
// the edge pixel. The guards' fused pair (guards/box-pair.ts) gives boxMeanReplicated's values.
// Temporaries come from the "box.*" scratch slots; neither function calls the other, so they share them.
import { scratch } from "./scratch";

/**
 * Box mean over a (2r+1)² window clipped to the plane: the mean of the window's in-image pixels (the
 * stages' filter: nothing outside the photo is counted).
 */
export function boxMean(src: Float32Array, width: number, height: number, r: number, out?: Float32Array): Float32Array {
  const n = width * height;
  // The matte calls this ~40 times per image: its row pass reuses one buffer (scratch.ts).
  const tmp = scratch("box.rows", Float32Array, n);
  const dst = out ?? new Float32Array(n);
  // Horizontal running sums, then vertical: O(1) per pixel whatever the radius. The row loop is split
  // where the window is clipped by the left edge, whole, or clipped by the right edge, so the hot
  // middle part has no clamping (same sums in the same order as one clamped loop).
  const full = 2 * r + 1;
  const clipped = (o: number, x: number, acc: number): number => {
    const lo = x - r;
    const hi = x + r;
    tmp[o + x] = acc / (Math.min(hi, width - 1) - Math.max(lo, 0) + 1);
    if (hi + 1 < width) acc += src[o + hi + 1]!;
    if (lo >= 0) acc -= src[o + lo]!;
    return acc;
  };
  const xa = Math.min(width, r); // windows clipped on the left
  const xb = Math.max(xa, width - r - 1); // from here on, clipped on the right
  for (let y = 0; y < height; y++) {
    const o = y * width;
    let acc = 0;
    for (let x = 0; x <= Math.min(r, width - 1); x++) acc += src[o + x]!;
    let x = 0;
    for (; x < xa; x++) acc = clipped(o, x, acc);
    for (; x < xb; x++) {
      tmp[o + x] = acc / full;
      acc += src[o + x + r + 1]!;
      acc -= src[o + x - r]!;
    }
    for (; x < width; x++) acc = clipped(o, x, acc);
  }
  const col = scratch("box.columns", Float64Array, width).fill(0, 0, width);
  for (let y = 0; y <= Math.min(r, height - 1); y++) {
    const o = y * width;
    for (let x = 0; x < width; x++) col[x]! += tmp[o + x]!;
  }
  for (let y = 0; y < height; y++) {
    const lo = y - r;
    const hi = y + r;
    const cnt = Math.min(hi, height - 1) - Math.max(lo, 0) + 1;
    const o = y * width;
    for (let x = 0; x < width; x++) dst[o + x] = col[x]! / cnt;
    if (hi + 1 < height) {
      const a = (hi + 1) * width;
      for (let x = 0; x < width; x++) col[x]! += tmp[a + x]!;
    }
    if (lo >= 0) {
      const b = lo * width;
      for (let x = 0; x < width; x++) col[x]! -= tmp[b + x]!;
    }
  }
  return dst;
}

/**
 * Box mean with radius r (window 2r+1), the border pixel replicated outside the plane (the guards'
 * filter: a piece touching the frame keeps full weight at the edge). Running sums: O(1) per pixel whatever r. The vertical pass
 * walks rows with one running sum per column (a column-by-column walk strides the whole plane and
 * was 3× slower); each column's sum sees the same additions in the same order, so the result is
 * bit-for-bit the column walk's.
 */
export function boxMeanReplicated(
  src: Float32Array,
  w: number,
  h: number,
  r: number,
  out: Float32Array = new Float32Array(w * h),
): Float32Array {
  if (r <= 0) {
    out.set(src);
    return out;
  }
  const { tmp, col, n } = rowPass(src, w, h, r);
  for (let y = 0; y < h; y++) boxColumnsStep(tmp, out, col, y * w, clamp(y + r + 1, h) * w, clamp(y - r, h) * w, w, n);
  return out;
}

/**
 * boxMeanReplicated(src, r) / den where den > 10⁻³, else 0 (a matte-weighted mean when src = v·weight and
 * den = boxMeanReplicated(weight, r)). The division rides on the column pass; each output is the float32 box
 * mean divided by den, as a separate pass over boxMean's result gave.
 */
export function boxMeanReplicatedOver(
  src: Float32Array,
  den: Float32Array,
  w: number,
  h: number,
  r: number,
): Float32Array {
  const out = new Float32Array(w * h);
  const { tmp, col, n } = rowPass(src, w, h, r);
  for (let y = 0; y < h; y++)
    boxColumnsOverStep(tmp, den, out, col, y * w, clamp(y + r + 1, h) * w, clamp(y - r, h) * w, w, n);
  return out;
}

/** The box filter's horizontal pass into scratch, and the column sums of its first window. */
function rowPass(
  src: Float32Array,
  w: number,
  h: number,
  r: number,
): { tmp: Float32Array; col: Float64Array; n: number } {
  const tmp = scratch("box.rows", Float32Array, w * h);
  const n = 2 * r + 1;
  for (let y = 0; y < h; y++) boxRow(src, tmp, y * w, w, r, n);
  const col = scratch("box.columns", Float64Array, w);
  col.fill(0, 0, w);
  for (let k = -r; k <= r; k++) addInto(col, tmp, clamp(k, h) * w, w);
  return { tmp, col, n };
}

// Row kernels are functions of their own so that V8 optimises them as hot functions; loops nested in
// a function called a few times per image went through on-stack replacement, which kept leaving and
// re-entering optimised code.

function boxRow(src: Float32Array, tmp: Float32Array, row: number, w: number, r: number, n: number): void {
  let s = 0;
  for (let k = -r; k <= r; k++) s += src[row + clamp(k, w)]!;
  for (let x = 0; x < w; x++) {
    tmp[row + x] = s / n;
    s += src[row + clamp(x + r + 1, w)]! - src[row + clamp(x - r, w)]!;
  }
}

function addInto(col: Float64Array, tmp: Float32Array, row: number, w: number): void {
  for (let x = 0; x < w; x++) col[x] += tmp[row + x]!;
}

function boxColumnsStep(
  tmp: Float32Array,
  out: Float32Array,
  col: Float64Array,
  row: number,
  add: number,
  sub: number,
  w: number,
  n: number,
): void {
  for (let x = 0; x < w; x++) {
    out[row + x] = col[x]! / n;
    col[x] += tmp[add + x]! - tmp[sub + x]!;
  }
}

function boxColumnsOverStep(
  tmp: Float32Array,
  den: Float32Array,
  out: Float32Array,
  col: Float64Array,
  row: number,
  add: number,
  sub: number,
  w: number,
  n: number,
): void {
  for (let x = 0; x < w; x++) {
    const d = den[row + x]!;
    out[row + x] = d > 1e-3 ? Math.fround(col[x]! / n) / d : 0;
    col[x] += tmp[add + x]! - tmp[sub + x]!;
  }
}

function clamp(i: number, n: number): number {
  return i < 0 ? 0 : i >= n ? n - 1 : i;
}
