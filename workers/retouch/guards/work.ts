// The working representation every guard reads: before, before-with-gains and after, cropped to the
// piece plus a margin; images over `workMaxPixels` are box-averaged in linear light to about
// `workLargePixels` (averaging in linear light is what a lens and a resize do, so region means are
// unchanged); converted once to CIELAB D65.
import { LINEAR_LUT, linearRgbToLab } from "../color";
import type { Image8, Plane } from "../types";
import type { Gains } from "./input";

export interface Work extends WorkBase {
  /** Interleaved linear RGB, 3 floats per pixel. */
  /** The original with the gains applied and clipped at 1: what an honest retouch would show. */
  expectedLin: Float32Array;
  expectedLab: Float32Array;
  afterLab: Float32Array;
  /** L* planes of expected and after (1 float per pixel). */
  expectedL: Float32Array;
  afterL: Float32Array;
}

export function workScale(width: number, height: number, maxPixels: number): number {
  return Math.max(1, Math.ceil(Math.sqrt((width * height) / maxPixels)));
}

/** Box-average an 8-bit image (or the crop starting at x0, y0 of w×h working pixels) to linear RGB at integer scale s. */
export function downsampleLinear(
  img: Image8,
  s: number,
  crop?: { x0: number; y0: number; w: number; h: number },
): { w: number; h: number; lin: Float32Array } {
  const w = crop ? crop.w : Math.floor(img.width / s) || 1;
  const h = crop ? crop.h : Math.floor(img.height / s) || 1;
  const cx = crop ? crop.x0 : 0;
  const cy = crop ? crop.y0 : 0;
  const lin = new Float32Array(w * h * 3);
  const ch = img.channels;
  const d = img.data;
  const inv = 1 / (s * s);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let r = 0;
      let g = 0;
      let b = 0;
      for (let dy = 0; dy < s; dy++) {
        let p = ((y * s + dy + cy) * img.width + x * s + cx) * ch;
        for (let dx = 0; dx < s; dx++, p += ch) {
          r += LINEAR_LUT[d[p]!]!;
          g += LINEAR_LUT[d[p + 1]!]!;
          b += LINEAR_LUT[d[p + 2]!]!;
        }
      }
      const o = (y * w + x) * 3;
      lin[o] = r * inv;
      lin[o + 1] = g * inv;
      lin[o + 2] = b * inv;
    }
  }
  return { w, h, lin };
}

/** Every s-th pixel (no averaging): enough for backdrop statistics, 1/s² of the cost. */
export function sampleLinear(img: Image8, s: number): { w: number; h: number; lin: Float32Array } {
  const w = Math.floor(img.width / s) || 1;
  const h = Math.floor(img.height / s) || 1;
  const lin = new Float32Array(w * h * 3);
  const ch = img.channels;
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const p = (y * s * img.width + x * s) * ch;
      const o = (y * w + x) * 3;
      lin[o] = LINEAR_LUT[img.data[p]!]!;
      lin[o + 1] = LINEAR_LUT[img.data[p + 1]!]!;
      lin[o + 2] = LINEAR_LUT[img.data[p + 2]!]!;
    }
  return { w, h, lin };
}

export function downsamplePlane(p: Plane, s: number, w: number, h: number, cx = 0, cy = 0): Float32Array {
  const out = new Float32Array(w * h);
  const inv = 1 / (s * s);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let a = 0;
      for (let dy = 0; dy < s; dy++) {
        const row = (y * s + dy + cy) * p.width + x * s + cx;
        for (let dx = 0; dx < s; dx++) a += p.data[row + dx]!;
      }
      out[y * w + x] = a * inv;
    }
  }
  return out;
}

/** Interleaved linear RGB to interleaved Lab plus a separate L* plane. */
export function labOf(lin: Float32Array): { lab: Float32Array; L: Float32Array } {
  const n = lin.length / 3;
  const lab = new Float32Array(lin.length);
  const L = new Float32Array(n);
  const t: [number, number, number] = [0, 0, 0];
  for (let i = 0, o = 0; i < n; i++, o += 3) {
    linearRgbToLab(lin[o]!, lin[o + 1]!, lin[o + 2]!, t);
    lab[o] = t[0];
    lab[o + 1] = t[1];
    lab[o + 2] = t[2];
    L[i] = t[0];
  }
  return { lab, L };
}

export function applyGains(lin: Float32Array, gains: Gains): Float32Array {
  const out = new Float32Array(lin.length);
  const g0 = gains.exposure * gains.whiteBalance[0];
  const g1 = gains.exposure * gains.whiteBalance[1];
  const g2 = gains.exposure * gains.whiteBalance[2];
  for (let i = 0; i < lin.length; i += 3) {
    out[i] = Math.min(1, lin[i]! * g0);
    out[i + 1] = Math.min(1, lin[i + 1]! * g1);
    out[i + 2] = Math.min(1, lin[i + 2]! * g2);
  }
  return out;
}

/** A small whole-frame view for the statistics of the backdrop and studio background. */
export interface Coarse {
  w: number;
  h: number;
  beforeLin: Float32Array;
  afterLin: Float32Array;
  alpha: Float32Array;
}

export interface WorkBase {
  w: number;
  h: number;
  /** Original pixels per working pixel along each axis. */
  scale: number;
  /** Where the working crop starts, in original pixels: the guards only look at the piece and a margin around it. */
  ox: number;
  oy: number;
  beforeLin: Float32Array;
  afterLin: Float32Array;
  alpha: Float32Array;
  coarse: Coarse;
}

/** Working pixels kept around the piece: the halo ring, the 13×13 highlight surround, SSIM windows. */
const MARGIN = 16;

export function prepareBase(before: Image8, after: Image8, alpha: Plane, maxPixels: number, largePixels = maxPixels): WorkBase {
  if (before.width !== after.width || before.height !== after.height)
    throw new Error(`before is ${before.width}×${before.height} but after is ${after.width}×${after.height}: the guards need the same geometry`);
  if (alpha.width !== before.width || alpha.height !== before.height)
    throw new Error("alpha must have the geometry of before/after");
  const W = before.width;
  const H = before.height;
  const s = W * H <= maxPixels ? 1 : workScale(W, H, Math.min(maxPixels, largePixels));
  // Piece bounding box at full resolution (a cheap scan), grown by the margin, in working pixels.
  let x0 = W;
  let y0 = H;
  let x1 = -1;
  let y1 = -1;
  const ad = alpha.data;
  for (let y = 0; y < H; y++) {
    const row = y * W;
    for (let x = 0; x < W; x++)
      if (ad[row + x]! > 0.02) {
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        y1 = y;
      }
  }
  const fw = Math.floor(W / s) || 1;
  const fh = Math.floor(H / s) || 1;
  let crop = { x0: 0, y0: 0, w: fw, h: fh };
  if (x1 >= 0) {
    const cx0 = Math.max(0, Math.floor(x0 / s) - MARGIN);
    const cy0 = Math.max(0, Math.floor(y0 / s) - MARGIN);
    const cx1 = Math.min(fw, Math.floor(x1 / s) + 1 + MARGIN);
    const cy1 = Math.min(fh, Math.floor(y1 / s) + 1 + MARGIN);
    crop = { x0: cx0, y0: cy0, w: cx1 - cx0, h: cy1 - cy0 };
  }
  const px = { x0: crop.x0 * s, y0: crop.y0 * s, w: crop.w, h: crop.h };
  const b = downsampleLinear(before, s, px);
  const a = downsampleLinear(after, s, px);
  const cs = workScale(W, H, 120_000);
  const cb = sampleLinear(before, cs);
  const ca = sampleLinear(after, cs);
  return {
    w: b.w,
    h: b.h,
    scale: s,
    ox: px.x0,
    oy: px.y0,
    beforeLin: b.lin,
    afterLin: a.lin,
    alpha: downsamplePlane(alpha, s, b.w, b.h, px.x0, px.y0),
    coarse: { w: cb.w, h: cb.h, beforeLin: cb.lin, afterLin: ca.lin, alpha: downsamplePlane(alpha, cs, cb.w, cb.h) },
  };
}

export function completeWork(base: WorkBase, gains: Gains): Work {
  const expectedLin = applyGains(base.beforeLin, gains);
  const e = labOf(expectedLin);
  const a = labOf(base.afterLin);
  return { ...base, expectedLin, expectedLab: e.lab, afterLab: a.lab, expectedL: e.L, afterL: a.L };
}
