// Small separable filters on single-channel Float32Array planes (row-major, width w, height h).
// Borders replicate the edge pixel, so a piece touching the frame is not darkened by zeros. Box means:
// pixels/box-mean.ts.
import { scratch } from "../pixels/scratch";
import { quantileOf } from "../pixels/select";

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
  const tmp = scratch("guards.convRows", Float32Array, w * h);
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
export function gradientMagnitude(
  src: Float32Array,
  w: number,
  h: number,
  out = new Float32Array(w * h),
): Float32Array {
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

function clamp(i: number, n: number): number {
  return i < 0 ? 0 : i >= n ? n - 1 : i;
}
