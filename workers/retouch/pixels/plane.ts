// Plane helpers: allocation, bilinear resampling, and box means on float planes.
import type { Plane } from "../types";
import { scratch } from "./scratch";

export function makePlane(width: number, height: number, fill = 0): Plane {
  const data = new Float32Array(width * height);
  if (fill !== 0) data.fill(fill);
  return { width, height, data };
}

/**
 * Bilinear resample with half-pixel centres (the convention of sharp and of ONNX Resize
 * `half_pixel`), so a map computed on a resized image lands back on the right pixels.
 */
export function resampleBilinear(src: Plane, width: number, height: number): Plane {
  const out = makePlane(width, height);
  const sx = src.width / width;
  const sy = src.height / height;
  const xs0 = new Int32Array(width);
  const xs1 = new Int32Array(width);
  const fx = new Float32Array(width);
  for (let x = 0; x < width; x++) {
    const u = Math.min(Math.max((x + 0.5) * sx - 0.5, 0), src.width - 1);
    const x0 = Math.floor(u);
    xs0[x] = x0;
    xs1[x] = Math.min(x0 + 1, src.width - 1);
    fx[x] = u - x0;
  }
  const s = src.data;
  const d = out.data;
  for (let y = 0; y < height; y++) {
    const v = Math.min(Math.max((y + 0.5) * sy - 0.5, 0), src.height - 1);
    const y0 = Math.floor(v);
    const y1 = Math.min(y0 + 1, src.height - 1);
    const fy = v - y0;
    const r0 = y0 * src.width;
    const r1 = y1 * src.width;
    const o = y * width;
    for (let x = 0; x < width; x++) {
      const a = s[r0 + xs0[x]!]!;
      const b = s[r0 + xs1[x]!]!;
      const c = s[r1 + xs0[x]!]!;
      const e = s[r1 + xs1[x]!]!;
      const f = fx[x]!;
      const top = a + (b - a) * f;
      const bot = c + (e - c) * f;
      d[o + x] = top + (bot - top) * fy;
    }
  }
  return out;
}

/** Box mean over a (2r+1)² window, clamped at the borders (divides by the in-image count). */
export function boxMean(src: Float32Array, width: number, height: number, r: number, out?: Float32Array): Float32Array {
  const n = width * height;
  // The matte calls this ~40 times per image: its row pass reuses one buffer (pixels/scratch.ts).
  const tmp = scratch("plane.boxRows", Float32Array, n);
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
  const col = scratch("plane.boxColumns", Float64Array, width).fill(0, 0, width);
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
