// The cutout measures of docs/measures.md, against an exact alpha. Used by tests and the bench.
import type { Plane } from "../types";
import { squaredDistanceTo } from "./distance";

export interface CutoutScores {
  iou: number;
  mae: number;
  boundaryF: number;
}

function binary(a: Float32Array): Uint8Array {
  const m = new Uint8Array(a.length);
  for (let i = 0; i < a.length; i++) m[i] = a[i]! >= 0.5 ? 1 : 0; // α ≥ 128/255 in 8-bit terms
  return m;
}

function boundary(m: Uint8Array, w: number, h: number): Uint8Array {
  const b = new Uint8Array(m.length);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      const v = m[i];
      if (
        (x > 0 && m[i - 1] !== v) ||
        (x < w - 1 && m[i + 1] !== v) ||
        (y > 0 && m[i - w] !== v) ||
        (y < h - 1 && m[i + w] !== v)
      )
        b[i] = 1;
    }
  return b;
}

/** Quantizes to 8 bits first, as the measures are defined on 8-bit alphas. */
export function quantize8(a: Float32Array): Float32Array {
  const o = new Float32Array(a.length);
  for (let i = 0; i < a.length; i++) o[i] = Math.round(Math.min(1, Math.max(0, a[i]!)) * 255) / 255;
  return o;
}

export function scoreCutout(pred: Plane, truth: Plane): CutoutScores {
  const w = truth.width;
  const h = truth.height;
  const p = quantize8(pred.data);
  const t = quantize8(truth.data);
  const pb = binary(p);
  const tb = binary(t);
  let inter = 0;
  let uni = 0;
  let mae = 0;
  for (let i = 0; i < p.length; i++) {
    inter += pb[i]! & tb[i]!;
    uni += pb[i]! | tb[i]!;
    mae += Math.abs(p[i]! - t[i]!);
  }
  const pB = boundary(pb, w, h);
  const tB = boundary(tb, w, h);
  const tol = 0.003 * Math.hypot(w, h);
  const tol2 = tol * tol;
  const dToT = squaredDistanceTo(tB, w, h);
  const dToP = squaredDistanceTo(pB, w, h);
  let pn = 0;
  let pm = 0;
  let tn = 0;
  let tm = 0;
  for (let i = 0; i < p.length; i++) {
    if (pB[i]) {
      pn++;
      if (dToT[i]! <= tol2) pm++;
    }
    if (tB[i]) {
      tn++;
      if (dToP[i]! <= tol2) tm++;
    }
  }
  const P = pn ? pm / pn : tn ? 0 : 1;
  const R = tn ? tm / tn : pn ? 0 : 1;
  return { iou: uni ? inter / uni : 1, mae: mae / p.length, boundaryF: P + R > 0 ? (2 * P * R) / (P + R) : 0 };
}

/** Pixels within 2 px of a true α strictly between 0.02 and 0.98. */
export function edgeBand(truth: Plane): Uint8Array {
  const { width: w, height: h, data } = truth;
  const soft = new Uint8Array(data.length);
  for (let i = 0; i < data.length; i++) soft[i] = data[i]! > 0.02 && data[i]! < 0.98 ? 1 : 0;
  const d = squaredDistanceTo(soft, w, h);
  const band = new Uint8Array(data.length);
  for (let i = 0; i < band.length; i++) band[i] = d[i]! <= 4 ? 1 : 0;
  return band;
}

export interface EdgeScores {
  edgeError: number;
  bleed: number;
}

/**
 * Edge error and backdrop bleed. `cutout` is RGBA 8-bit (straight alpha); `ideal` and `surface`
 * are sRGB in [0, 1] interleaved RGB: the true piece composited over white, and the original
 * shooting surface's color at each pixel.
 */
export function scoreEdges(
  cutout: Uint8Array,
  ideal: Float32Array,
  surface: Float32Array,
  band: Uint8Array,
): EdgeScores {
  let err = 0;
  let bleed = 0;
  let n = 0;
  let nb = 0;
  for (let i = 0; i < band.length; i++) {
    if (!band[i]) continue;
    const a = cutout[4 * i + 3]! / 255;
    let dot = 0;
    let uu = 0;
    for (let c = 0; c < 3; c++) {
      const r = a * (cutout[4 * i + c]! / 255) + (1 - a);
      const d = r - ideal[3 * i + c]!;
      err += Math.abs(d);
      const u = surface[3 * i + c]! - 1;
      dot += d * u;
      uu += u * u;
    }
    n++;
    // The bleed share is undefined where the surface is (nearly) white itself.
    if (uu > 0.02 * 0.02 * 3) {
      // Only the part pointing toward the old surface counts (a darker or lighter error along
      // another direction is edge error, not bleed).
      bleed += Math.max(0, dot / uu);
      nb++;
    }
  }
  return { edgeError: n ? err / (3 * n) : 0, bleed: nb ? bleed / nb : 0 };
}
