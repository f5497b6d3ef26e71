// Scores one cutout of the dev set: IoU / MAE / boundary F, edge error and backdrop bleed
// (docs/measures.md), inner opaque kept, seams and holes (metrics/matte-integrity.ts).
import type { Plane } from "../../workers/retouch/types";
import { edgeBand, scoreCutout, scoreEdges } from "../../workers/retouch/metrics/cutout";
import { matteIntegrity } from "../../workers/retouch/metrics/matte-integrity";
import type { Truth } from "./dataset";

export interface CaseScore {
  iou: number;
  mae: number;
  boundaryF: number;
  edgeError: number;
  /** NaN on flat white, where the surface is white and bleed is undefined. */
  bleed: number;
  opaqueKept: number;
  seamRate: number;
  holes: number;
  holesCut: number;
}

/**
 * The shooting surface's sRGB color under the piece, in [0, 1]: block means of the scene's fully
 * transparent pixels on an 8-px grid, holes filled by diffusion from their neighbours, read
 * bilinearly. The dev set's surfaces are smooth gradients, so this is exact up to JPEG noise where
 * bleed is measured (within 2 px of the piece's edge).
 */
export function surfaceUnderPiece(scene: Uint8Array, truth: Plane): Float32Array {
  const { width: w, height: h, data: t } = truth;
  const B = 8;
  const gw = Math.ceil(w / B);
  const gh = Math.ceil(h / B);
  const sum = new Float64Array(gw * gh * 3);
  const cnt = new Float64Array(gw * gh);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      if (t[i] !== 0) continue;
      const g = ((y / B) | 0) * gw + ((x / B) | 0);
      cnt[g]!++;
      for (let c = 0; c < 3; c++) sum[3 * g + c]! += scene[3 * i + c]! / 255;
    }
  const val = new Float64Array(gw * gh * 3);
  const known = new Uint8Array(gw * gh);
  for (let g = 0; g < gw * gh; g++)
    if (cnt[g]! > 0) {
      known[g] = 1;
      for (let c = 0; c < 3; c++) val[3 * g + c] = sum[3 * g + c]! / cnt[g]!;
    }
  // Fill unknown cells ring by ring from known neighbours.
  for (let changed = true; changed;) {
    changed = false;
    const next = known.slice();
    for (let gy = 0; gy < gh; gy++)
      for (let gx = 0; gx < gw; gx++) {
        const g = gy * gw + gx;
        if (known[g]) continue;
        let n = 0;
        const acc = [0, 0, 0];
        for (const [dx, dy] of [
          [1, 0],
          [-1, 0],
          [0, 1],
          [0, -1],
        ] as const) {
          const X = gx + dx;
          const Y = gy + dy;
          if (X < 0 || Y < 0 || X >= gw || Y >= gh || !known[Y * gw + X]) continue;
          n++;
          for (let c = 0; c < 3; c++) acc[c]! += val[3 * (Y * gw + X) + c]!;
        }
        if (n) {
          for (let c = 0; c < 3; c++) val[3 * g + c] = acc[c]! / n;
          next[g] = 1;
          changed = true;
        }
      }
    known.set(next);
  }
  const out = new Float32Array(w * h * 3);
  for (let y = 0; y < h; y++) {
    const v = Math.min(Math.max((y + 0.5) / B - 0.5, 0), gh - 1);
    const y0 = Math.floor(v);
    const y1 = Math.min(y0 + 1, gh - 1);
    const fy = v - y0;
    for (let x = 0; x < w; x++) {
      const u = Math.min(Math.max((x + 0.5) / B - 0.5, 0), gw - 1);
      const x0 = Math.floor(u);
      const x1 = Math.min(x0 + 1, gw - 1);
      const fx = u - x0;
      for (let c = 0; c < 3; c++) {
        const a = val[3 * (y0 * gw + x0) + c]!;
        const b = val[3 * (y0 * gw + x1) + c]!;
        const d = val[3 * (y1 * gw + x0) + c]!;
        const e = val[3 * (y1 * gw + x1) + c]!;
        out[3 * (y * w + x) + c] = (a + (b - a) * fx) * (1 - fy) + (d + (e - d) * fx) * fy;
      }
    }
  }
  return out;
}

/** The true piece over white, sRGB in [0, 1] (what a perfect cutout looks like on white). */
export function idealOverWhite(truth: Truth): Float32Array {
  const n = truth.width * truth.height;
  const out = new Float32Array(n * 3);
  for (let i = 0; i < n; i++) {
    const a = truth.rgba[4 * i + 3]! / 255;
    for (let c = 0; c < 3; c++) out[3 * i + c] = a * (truth.rgba[4 * i + c]! / 255) + (1 - a);
  }
  return out;
}

export interface TruthContext {
  truth: Truth;
  ideal: Float32Array;
  band: Uint8Array;
}

export function truthContext(truth: Truth): TruthContext {
  return { truth, ideal: idealOverWhite(truth), band: edgeBand(truth.alpha) };
}

export function scoreCase(cutout: Uint8Array, scene: Uint8Array, ctx: TruthContext, flatWhite: boolean): CaseScore {
  const { width: w, height: h } = ctx.truth;
  const a = new Float32Array(w * h);
  for (let i = 0; i < a.length; i++) a[i] = cutout[4 * i + 3]! / 255;
  const pred: Plane = { width: w, height: h, data: a };
  const base = scoreCutout(pred, ctx.truth.alpha);
  const surface = surfaceUnderPiece(scene, ctx.truth.alpha);
  const edges = scoreEdges(cutout, ctx.ideal, surface, ctx.band);
  const integrity = matteIntegrity(pred, ctx.truth.alpha);
  return {
    ...base,
    edgeError: edges.edgeError,
    bleed: flatWhite ? NaN : edges.bleed,
    opaqueKept: integrity.opaqueKept,
    seamRate: integrity.seamRate,
    holes: integrity.holes,
    holesCut: integrity.holesCut,
  };
}
