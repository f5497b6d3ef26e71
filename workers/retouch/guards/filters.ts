// Small separable filters on single-channel Float32Array planes (row-major, width w, height h).
// Borders replicate the edge pixel, so a piece touching the frame is not darkened by zeros.
import { scratch32, scratch64, SLOT, SLOT64 } from "./scratch";
import { quantileOf } from "./select";

/**
 * Box mean with radius r (window 2r+1), running sums: O(1) per pixel whatever r. The vertical pass
 * walks rows with one running sum per column (a column-by-column walk strides the whole plane and
 * was 3× slower); each column's sum sees the same additions in the same order, so the result is
 * bit-for-bit the column walk's.
 */
export function boxMean(src: Float32Array, w: number, h: number, r: number, out: Float32Array = new Float32Array(w * h)): Float32Array {
  if (r <= 0) {
    out.set(src);
    return out;
  }
  const { tmp, col, n } = rowPass(src, w, h, r);
  for (let y = 0; y < h; y++) boxColumnsStep(tmp, out, col, y * w, clamp(y + r + 1, h) * w, clamp(y - r, h) * w, w, n);
  return out;
}

/**
 * boxMean(src, r) / den where den > 10⁻³, else 0 (a matte-weighted mean when src = v·weight and
 * den = boxMean(weight, r)). The division rides on the column pass; each output is the float32 box
 * mean divided by den, as a separate pass over boxMean's result gave.
 */
export function boxMeanOver(src: Float32Array, den: Float32Array, w: number, h: number, r: number): Float32Array {
  const out = new Float32Array(w * h);
  const { tmp, col, n } = rowPass(src, w, h, r);
  for (let y = 0; y < h; y++) boxColumnsOverStep(tmp, den, out, col, y * w, clamp(y + r + 1, h) * w, clamp(y - r, h) * w, w, n);
  return out;
}

/** The box filter's horizontal pass into scratch, and the column sums of its first window. */
function rowPass(src: Float32Array, w: number, h: number, r: number): { tmp: Float32Array; col: Float64Array; n: number } {
  const tmp = scratch32(SLOT.boxRows, w * h);
  const n = 2 * r + 1;
  for (let y = 0; y < h; y++) boxRow(src, tmp, y * w, w, r, n);
  const col = scratch64(SLOT64.columns, w);
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

function boxColumnsStep(tmp: Float32Array, out: Float32Array, col: Float64Array, row: number, add: number, sub: number, w: number, n: number): void {
  for (let x = 0; x < w; x++) {
    out[row + x] = col[x]! / n;
    col[x] += tmp[add + x]! - tmp[sub + x]!;
  }
}

function boxColumnsOverStep(tmp: Float32Array, den: Float32Array, out: Float32Array, col: Float64Array, row: number, add: number, sub: number, w: number, n: number): void {
  for (let x = 0; x < w; x++) {
    const d = den[row + x]!;
    out[row + x] = d > 1e-3 ? Math.fround(col[x]! / n) / d : 0;
    col[x] += tmp[add + x]! - tmp[sub + x]!;
  }
}

function clamp(i: number, n: number): number {
  return i < 0 ? 0 : i >= n ? n - 1 : i;
}

/** Normalised 1-D Gaussian taps for σ with the given radius. */
export function gaussianKernel(sigma: number, radius: number): Float32Array {
  const k = new Float32Array(2 * radius + 1);
  let s = 0;
  for (let i = -radius; i <= radius; i++) {
    const v = Math.exp(-(i * i) / (2 * sigma * sigma));
    k[i + radius] = v;
    s += v;
  }
  for (let i = 0; i < k.length; i++) k[i] = k[i]! / s;
  return k;
}

/**
 * Separable convolution restricted to rows [y0, y1) and columns [x0, x1) (the piece's box), so that
 * SSIM on a small piece in a large frame costs little. Outside the box `out` is left untouched.
 */
export function convolveSeparable(
  src: Float32Array,
  w: number,
  h: number,
  kernel: Float32Array,
  box: { x0: number; y0: number; x1: number; y1: number } = { x0: 0, y0: 0, x1: w, y1: h },
  out = new Float32Array(w * h),
): Float32Array {
  const r = (kernel.length - 1) >> 1;
  const { x0, y0, x1, y1 } = box;
  const ya = Math.max(0, y0 - r);
  const yb = Math.min(h, y1 + r);
  const tmp = scratch32(SLOT.convRows, w * h);
  const n = kernel.length;
  for (let y = ya; y < yb; y++) {
    const row = y * w;
    for (let x = x0; x < x1; x++) {
      let s = 0;
      if (x >= r && x < w - r) {
        // Interior fast path: no border clamping.
        const base = row + x - r;
        for (let k = 0; k < n; k++) s += kernel[k]! * src[base + k]!;
      } else for (let k = -r; k <= r; k++) s += kernel[k + r]! * src[row + clamp(x + k, w)]!;
      tmp[row + x] = s;
    }
  }
  for (let y = y0; y < y1; y++) {
    const interior = y >= r && y < h - r;
    for (let x = x0; x < x1; x++) {
      let s = 0;
      if (interior) {
        let p = (y - r) * w + x;
        for (let k = 0; k < n; k++, p += w) s += kernel[k]! * tmp[p]!;
      } else for (let k = -r; k <= r; k++) s += kernel[k + r]! * tmp[clamp(y + k, h) * w + x]!;
      out[y * w + x] = s;
    }
  }
  return out;
}

/** Gradient magnitude by central differences (half the Sobel cost, enough for an energy ratio). */
export function gradientMagnitude(src: Float32Array, w: number, h: number, out = new Float32Array(w * h)): Float32Array {
  for (let y = 0; y < h; y++) {
    const yu = y > 0 ? y - 1 : y;
    const yd = y < h - 1 ? y + 1 : y;
    for (let x = 0; x < w; x++) {
      const xl = x > 0 ? x - 1 : x;
      const xr = x < w - 1 ? x + 1 : x;
      const gx = (src[y * w + xr]! - src[y * w + xl]!) * 0.5;
      const gy = (src[yd * w + x]! - src[yu * w + x]!) * 0.5;
      out[y * w + x] = Math.sqrt(gx * gx + gy * gy);
    }
  }
  return out;
}

/** Value at quantile q in [0, 1] of the selected entries (the entry a sort would put at round(q·(n−1))). */
export function quantile(values: Float32Array | number[], q: number): number {
  return quantileOf(values instanceof Float32Array ? values : Float32Array.from(values), q);
}
