// Applies the merchant's brush strokes, in order, to the matte's alpha at the original's geometry:
// erase moves α toward 0, restore toward 1 (the photo's own pixels), and refine re-solves α from the
// photo by the compositing equation I = αF + (1−α)B, F the piece's local colour and B the fitted
// surface (the same terms as the automatic edge stage, without its cap: the merchant asked for it).
import type { Image8, Plane } from "../types";
import type { BackdropModel } from "../backdrop/model";
import type { WorkImage } from "../pixels/work-image";
import { LINEAR_LUT } from "../color";
import { sampleLocal, type LocalMean } from "../matte/local-means";
import { sampleSurface, type SurfaceSample } from "../matte/surface-sample";
import { strokeCoverage, type Coverage } from "./stroke-coverage";
import type { MaskStroke } from "./types";

/** What the refine brush reads: the matte stage's own local colours and surface model. */
export interface RefineContext {
  image: Image8;
  work: WorkImage;
  backdrop: BackdropModel;
  fg: LocalMean;
  bg: LocalMean;
}

/** F and B closer than this (linear RGB distance) cannot be told apart: α is left as it was. */
const MIN_SEPARATION = 0.04;

/** In place; returns the number of pixels a stroke touched. */
export function applyMaskStrokes(alpha: Plane, strokes: readonly MaskStroke[], refine: RefineContext | null): number {
  let touched = 0;
  for (const stroke of strokes) {
    const cov = strokeCoverage(stroke, alpha.width, alpha.height);
    if (!cov) continue;
    touched +=
      stroke.op === "refine"
        ? refine
          ? refineAlong(alpha, cov, refine)
          : 0
        : paint(alpha, cov, stroke.op === "erase" ? 0 : 1);
  }
  return touched;
}

function paint(alpha: Plane, cov: Coverage, to: 0 | 1): number {
  const A = alpha.data;
  let n = 0;
  for (let y = 0; y < cov.h; y++)
    for (let x = 0; x < cov.w; x++) {
      const w = cov.data[y * cov.w + x]!;
      if (w <= 0) continue;
      const i = (y + cov.y0) * alpha.width + x + cov.x0;
      A[i] = A[i]! + w * (to - A[i]!);
      n++;
    }
  return n;
}

function refineAlong(alpha: Plane, cov: Coverage, ctx: RefineContext): number {
  const { image, work, backdrop, fg, bg } = ctx;
  const W = alpha.width;
  const H = alpha.height;
  const A = alpha.data;
  const ch = image.channels;
  const s: SurfaceSample = { b: [0, 0, 0], trust: 0, noise: 0 };
  let n = 0;
  for (let by = 0; by < cov.h; by++) {
    const y = by + cov.y0;
    const v = (y + 0.5) / work.sy - 0.5;
    for (let bx = 0; bx < cov.w; bx++) {
      const w = cov.data[by * cov.w + bx]!;
      if (w <= 0) continue;
      const x = bx + cov.x0;
      const u = (x + 0.5) / work.sx - 0.5;
      sampleSurface(bg, backdrop, u, v, (x + 0.5) / W, (y + 0.5) / H, s);
      const o = ch * (y * W + x);
      const i = y * W + x;
      const f0 = sampleLocal(fg, fg.rgb[0], u, v);
      if (Number.isNaN(f0)) {
        // No piece nearby to take F from: a pixel that is the surface (within its noise) is clear,
        // one clearly off it is kept as it was.
        if (s.trust < 0.5) continue;
        const dist = Math.hypot(
          LINEAR_LUT[image.data[o]!]! - s.b[0],
          LINEAR_LUT[image.data[o + 1]!]! - s.b[1],
          LINEAR_LUT[image.data[o + 2]!]! - s.b[2],
        );
        const lo = Math.max(0.02, 3 * s.noise);
        const keep = Math.max(0, Math.min(1, (dist - lo) / lo));
        A[i] = A[i]! + w * (keep * A[i]! - A[i]!);
        n++;
        continue;
      }
      const f1 = sampleLocal(fg, fg.rgb[1], u, v);
      const f2 = sampleLocal(fg, fg.rgb[2], u, v);
      const d0 = f0 - s.b[0];
      const d1 = f1 - s.b[1];
      const d2 = f2 - s.b[2];
      const dd = d0 * d0 + d1 * d1 + d2 * d2;
      const sep = Math.max(MIN_SEPARATION, 2 * s.noise);
      if (dd < sep * sep) continue;
      const e0 = LINEAR_LUT[image.data[o]!]! - s.b[0];
      const e1 = LINEAR_LUT[image.data[o + 1]!]! - s.b[1];
      const e2 = LINEAR_LUT[image.data[o + 2]!]! - s.b[2];
      let a = (e0 * d0 + e1 * d1 + e2 * d2) / dd;
      a = a < 0 ? 0 : a > 1 ? 1 : a;
      A[i] = A[i]! + w * (a - A[i]!);
      n++;
    }
  }
  return n;
}

/**
 * Pairs [pixel, neighbour] (flat, as matte/soften-steps.ts outlineFloor gives them) whose pixel no
 * stroke touched: what the merchant's brush drew stays as drawn.
 */
export function untouchedPairs(pairs: Int32Array, strokes: readonly MaskStroke[], W: number, H: number): Int32Array {
  if (!strokes.length || !pairs.length) return pairs;
  const covs = strokes.map((s) => strokeCoverage(s, W, H)).filter((c): c is Coverage => c !== null);
  const touched = (i: number) => {
    const x = i % W;
    const y = (i - x) / W;
    return covs.some((c) => {
      const cx = x - c.x0;
      const cy = y - c.y0;
      return cx >= 0 && cy >= 0 && cx < c.w && cy < c.h && c.data[cy * c.w + cx]! > 0;
    });
  };
  const out: number[] = [];
  for (let k = 0; k < pairs.length; k += 2) if (!touched(pairs[k]!)) out.push(pairs[k]!, pairs[k + 1]!);
  return Int32Array.from(out);
}
