// The working representation every guard reads: before, before-with-gains and after, cropped to the
// piece plus a margin; images over `workMaxPixels` are box-averaged in linear light to about
// `workLargePixels` (averaging in linear light is what a lens and a resize do, so region means are
// unchanged); converted once to CIELAB D65.
import { LINEAR_LUT, luminance } from "../color";
import type { Image8, Plane } from "../types";
import { scanAlpha } from "./alpha-scan";
import { dilate } from "../pixels/mask";
import { nonZero } from "./masks";
import { workReach } from "./reach";
import type { Gains } from "./input";
import { labInto } from "../color";
import { scratch } from "../pixels/scratch";

export interface Work extends WorkBase {
  /** The original with the gains applied and clipped at 1: what an honest retouch would show. */
  expectedLin: Float32Array;
  expectedLab: Float32Array;
  afterLab: Float32Array;
  /** L* planes of expected and after (1 float per pixel). */
  expectedL: Float32Array;
  afterL: Float32Array;
  /** Relative luminance Y planes of expected and after (1 float per pixel). */
  expectedY: Float32Array;
  afterY: Float32Array;
}

export function workScale(width: number, height: number, maxPixels: number): number {
  return Math.max(1, Math.ceil(Math.sqrt((width * height) / maxPixels)));
}

/**
 * Box-average an 8-bit image (or the crop starting at x0, y0 of w×h working pixels) to linear RGB at
 * integer scale s. Each output sum sees its s² values in the same order as a block-by-block walk
 * (rows, then columns), so the result is the same to the last bit. With `need` (w×h, 1 = wanted)
 * only those pixels are computed and the rest stay 0.
 */
export function downsampleLinear(
  img: Image8,
  s: number,
  crop?: { x0: number; y0: number; w: number; h: number },
  need?: Uint8Array,
): { w: number; h: number; lin: Float32Array } {
  const w = crop ? crop.w : Math.floor(img.width / s) || 1;
  const h = crop ? crop.h : Math.floor(img.height / s) || 1;
  const cx = crop ? crop.x0 : 0;
  const cy = crop ? crop.y0 : 0;
  const lin = new Float32Array(w * h * 3);
  const ch = img.channels;
  const d = img.data;
  const W = img.width;
  const inv = 1 / (s * s);
  const acc = scratch("guards.blocks", Float64Array, w * 3);
  const geo = { s, ch, W, cx, cy, w, inv };
  for (let y = 0; y < h; y++) downsampleRow(d, y, geo, lin, acc, need);
  return { w, h, lin };
}

/** Output row y: its runs of needed pixels (the whole row without a mask), s source rows each. */
function downsampleRow(
  d: Uint8Array,
  y: number,
  g: { s: number; ch: number; W: number; cx: number; cy: number; w: number; inv: number },
  lin: Float32Array,
  acc: Float64Array,
  need: Uint8Array | undefined,
): void {
  const { s, ch, W, cx, cy, w, inv } = g;
  const row = y * w;
  for (let xa = 0, xb = 0; xa < w; xa = xb) {
    if (need) {
      while (xa < w && !need[row + xa]) xa++;
      xb = xa;
      while (xb < w && need[row + xb]) xb++;
      if (xa === xb) break;
    } else xb = w;
    acc.fill(0, xa * 3, xb * 3);
    for (let dy = 0; dy < s; dy++) {
      const p = ((y * s + dy + cy) * W + cx + xa * s) * ch;
      let dx = 0;
      for (; dx + 3 <= s; dx += 3) addRgbOffsets3(d, p + dx * ch, xa, xb, s * ch, ch, acc);
      for (; dx < s; dx++) addRgbOffset(d, p + dx * ch, xa, xb, s * ch, acc);
    }
    for (let o = xa * 3; o < xb * 3; o++) lin[row * 3 + o] = acc[o]! * inv;
  }
}

/**
 * Source pixel (dx, dy) of output pixels xa..xb into their sums: a flat loop, one call per offset
 * (see blockRow in alpha-scan.ts for why); each sum still sees its pixels row by row, left to right.
 */
function addRgbOffset(d: Uint8Array, p: number, xa: number, xb: number, step: number, acc: Float64Array): void {
  const L = LINEAR_LUT;
  for (let o = xa * 3; o < xb * 3; o += 3, p += step) {
    acc[o] += L[d[p]!]!;
    acc[o + 1] += L[d[p + 1]!]!;
    acc[o + 2] += L[d[p + 2]!]!;
  }
}

/** Source pixels dx, dx+1, dx+2 of output pixels xa..xb, added in that order. */
function addRgbOffsets3(
  d: Uint8Array,
  p: number,
  xa: number,
  xb: number,
  step: number,
  ch: number,
  acc: Float64Array,
): void {
  const L = LINEAR_LUT;
  const c2 = 2 * ch;
  for (let o = xa * 3; o < xb * 3; o += 3, p += step) {
    acc[o] = acc[o]! + L[d[p]!]! + L[d[p + ch]!]! + L[d[p + c2]!]!;
    acc[o + 1] = acc[o + 1]! + L[d[p + 1]!]! + L[d[p + ch + 1]!]! + L[d[p + c2 + 1]!]!;
    acc[o + 2] = acc[o + 2]! + L[d[p + 2]!]! + L[d[p + ch + 2]!]! + L[d[p + c2 + 2]!]!;
  }
}

/** Every s-th pixel (no averaging): enough for backdrop statistics, 1/s² of the cost. */
export function sampleLinear(img: Image8, s: number): { w: number; h: number; lin: Float32Array } {
  const w = Math.floor(img.width / s) || 1;
  const h = Math.floor(img.height / s) || 1;
  const lin = new Float32Array(w * h * 3);
  const ch = img.channels;
  const d = img.data;
  const step = s * ch;
  for (let y = 0; y < h; y++) sampleRow(d, y * s * img.width * ch, step, w, lin, y * w * 3);
  return { w, h, lin };
}

function sampleRow(d: Uint8Array, p: number, step: number, w: number, lin: Float32Array, o: number): void {
  const L = LINEAR_LUT;
  for (let x = 0; x < w; x++, o += 3, p += step) {
    lin[o] = L[d[p]!]!;
    lin[o + 1] = L[d[p + 1]!]!;
    lin[o + 2] = L[d[p + 2]!]!;
  }
}

/** Box-average a plane at integer scale s (crop at cx, cy), offset by offset like downsampleLinear. */
export function downsamplePlane(p: Plane, s: number, w: number, h: number, cx = 0, cy = 0): Float32Array {
  const out = new Float32Array(w * h);
  const inv = 1 / (s * s);
  const acc = scratch("guards.blocks", Float64Array, w);
  const d = p.data;
  for (let y = 0; y < h; y++) planeRow(d, (y * s + cy) * p.width + cx, p.width, w, s, acc, inv, out, y * w);
  return out;
}

function planeRow(
  d: Float32Array,
  q: number,
  W: number,
  w: number,
  s: number,
  acc: Float64Array,
  inv: number,
  out: Float32Array,
  o: number,
): void {
  acc.fill(0, 0, w);
  for (let dy = 0; dy < s; dy++) {
    let dx = 0;
    for (; dx + 3 <= s; dx += 3) addPlaneOffsets3(d, q + dy * W + dx, w, s, acc);
    for (; dx < s; dx++) addPlaneOffset(d, q + dy * W + dx, w, s, acc);
  }
  for (let x = 0; x < w; x++) out[o + x] = acc[x]! * inv;
}

function addPlaneOffsets3(d: Float32Array, q: number, w: number, s: number, acc: Float64Array): void {
  for (let x = 0; x < w; x++, q += s) acc[x] = acc[x]! + d[q]! + d[q + 1]! + d[q + 2]!;
}

function addPlaneOffset(d: Float32Array, q: number, w: number, s: number, acc: Float64Array): void {
  for (let x = 0; x < w; x++, q += s) acc[x] += d[q]!;
}

/**
 * Interleaved linear RGB to interleaved Lab plus a separate L* plane. A pixel equal to the previous
 * one reuses its conversion: the result's studio background is one flat colour, often half the crop.
 */
export function labOf(lin: Float32Array): { lab: Float32Array; L: Float32Array } {
  const n = lin.length / 3;
  const lab = new Float32Array(lin.length);
  const L = new Float32Array(n);
  for (let i = 0, o = 0; i < n; i++, o += 3) {
    const r = lin[o]!;
    const g = lin[o + 1]!;
    const b = lin[o + 2]!;
    if (o > 0 && r === lin[o - 3] && g === lin[o - 2] && b === lin[o - 1]) {
      lab[o] = lab[o - 3]!;
      lab[o + 1] = lab[o - 2]!;
      lab[o + 2] = lab[o - 1]!;
    } else labInto(r, g, b, lab, o);
    L[i] = lab[o]!;
  }
  return { lab, L };
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
  /**
   * Interleaved linear RGB, 3 floats per pixel, computed only within workReach(scale) of the matte
   * (alpha ≠ 0) and 0 elsewhere, like everything derived from them: no guard reads farther out.
   */
  beforeLin: Float32Array;
  afterLin: Float32Array;
  alpha: Float32Array;
  /** 1 within workReach(scale) of the matte: the pixels computed in every per-pixel plane. */
  need: Uint8Array;
  coarse: Coarse;
}

/** Working pixels kept around the piece: the halo ring, the 13×13 highlight surround, SSIM windows. */
const MARGIN = 16;

export function prepareBase(
  before: Image8,
  after: Image8,
  alpha: Plane,
  maxPixels: number,
  largePixels = maxPixels,
): WorkBase {
  if (before.width !== after.width || before.height !== after.height)
    throw new Error(
      `before is ${before.width}×${before.height} but after is ${after.width}×${after.height}: the guards need the same geometry`,
    );
  if (alpha.width !== before.width || alpha.height !== before.height)
    throw new Error("alpha must have the geometry of before/after");
  const W = before.width;
  const H = before.height;
  const s = W * H <= maxPixels ? 1 : workScale(W, H, Math.min(maxPixels, largePixels));
  // Piece bounding box at full resolution (found with the coarse alpha in one pass over the matte),
  // grown by the margin, in working pixels.
  const cs = workScale(W, H, 120_000);
  const scan = scanAlpha(alpha, cs, 0.02);
  const pb = scan.box;
  const fw = Math.floor(W / s) || 1;
  const fh = Math.floor(H / s) || 1;
  let crop = { x0: 0, y0: 0, w: fw, h: fh };
  if (pb) {
    const cx0 = Math.max(0, Math.floor(pb.x0 / s) - MARGIN);
    const cy0 = Math.max(0, Math.floor(pb.y0 / s) - MARGIN);
    const cx1 = Math.min(fw, Math.floor(pb.x1 / s) + 1 + MARGIN);
    const cy1 = Math.min(fh, Math.floor(pb.y1 / s) + 1 + MARGIN);
    crop = { x0: cx0, y0: cy0, w: cx1 - cx0, h: cy1 - cy0 };
  }
  const px = { x0: crop.x0 * s, y0: crop.y0 * s, w: crop.w, h: crop.h };
  const alphaW = downsamplePlane(alpha, s, crop.w, crop.h, px.x0, px.y0);
  // Only pixels within the guards' reach of the matte are ever read (reach.ts): ~30 % of the crop
  // for a ring (its hole and margins are skipped), ~15 % for chains and pendants.
  const need = dilate(nonZero(alphaW), crop.w, crop.h, workReach(s));
  const b = downsampleLinear(before, s, px, need);
  const a = downsampleLinear(after, s, px, need);
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
    alpha: alphaW,
    need,
    coarse: { w: cb.w, h: cb.h, beforeLin: cb.lin, afterLin: ca.lin, alpha: scan.coarse },
  };
}

export function completeWork(base: WorkBase, gains: Gains): Work {
  const g: [number, number, number] = [
    gains.exposure * gains.whiteBalance[0],
    gains.exposure * gains.whiteBalance[1],
    gains.exposure * gains.whiteBalance[2],
  ];
  const e = colourPlanes(base.beforeLin, g, base.need, base.w);
  const a = colourPlanes(base.afterLin, null, base.need, base.w);
  return {
    ...base,
    expectedLin: e.lin,
    expectedLab: e.lab,
    afterLab: a.lab,
    expectedL: e.L,
    afterL: a.L,
    expectedY: e.Y,
    afterY: a.Y,
  };
}

interface ColourPlanes {
  lin: Float32Array;
  lab: Float32Array;
  L: Float32Array;
  Y: Float32Array;
}

/**
 * What the guards read per pixel, in one pass per image: linear RGB (with the gains, clipped at 1,
 * when given), Lab and its L* plane (as labOf), and luminance; the values of separate passes
 * (float32 at each step). Only pixels within the reach are visited: elsewhere the input is 0, and
 * so are its Lab (L* of black is exactly 0), L* and Y, as the fresh planes already hold.
 */
function colourPlanes(
  src: Float32Array,
  g: [number, number, number] | null,
  need: Uint8Array,
  w: number,
): ColourPlanes {
  const n = src.length / 3;
  const p: ColourPlanes = {
    lin: g ? new Float32Array(src.length) : src,
    lab: new Float32Array(src.length),
    L: new Float32Array(n),
    Y: new Float32Array(n),
  };
  // Row by row: a kernel called per row is optimised by V8 within the first image, where one long
  // loop waits for on-stack replacement and runs unoptimised meanwhile.
  for (let row = 0; row < n; row += w) colourRow(src, p, g, need, row, Math.min(n, row + w));
  return p;
}

function colourRow(
  src: Float32Array,
  p: ColourPlanes,
  g: [number, number, number] | null,
  need: Uint8Array,
  from: number,
  to: number,
): void {
  const { lin, lab, L, Y } = p;
  const g0 = g ? g[0] : 1;
  const g1 = g ? g[1] : 1;
  const g2 = g ? g[2] : 1;
  // The previous converted pixel: the studio background is long runs of one colour.
  let pr = NaN;
  let pg = NaN;
  let pb = NaN;
  let po = 0;
  for (let i = from, o = from * 3; i < to; i++, o += 3) {
    if (!need[i]) continue;
    let r = src[o]!;
    let gg = src[o + 1]!;
    let b = src[o + 2]!;
    if (g) {
      // Math.min(1, v), without the call the mid-tier compiler would make.
      const vr = r * g0;
      const vg = gg * g1;
      const vb = b * g2;
      lin[o] = vr > 1 ? 1 : vr;
      lin[o + 1] = vg > 1 ? 1 : vg;
      lin[o + 2] = vb > 1 ? 1 : vb;
      // Read back as stored (float32), as a separate pass would.
      r = lin[o]!;
      gg = lin[o + 1]!;
      b = lin[o + 2]!;
    }
    if (r === pr && gg === pg && b === pb) {
      lab[o] = lab[po]!;
      lab[o + 1] = lab[po + 1]!;
      lab[o + 2] = lab[po + 2]!;
    } else {
      labInto(r, gg, b, lab, o);
      pr = r;
      pg = gg;
      pb = b;
    }
    po = o;
    L[i] = lab[o]!;
    Y[i] = luminance(r, gg, b);
  }
}
