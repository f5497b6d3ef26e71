// Stage 3a — openings the network filled. ISNet often reads a ring as a solid disc: the inside of the
// band shows the very surface the ring stands on, yet its map there is ~1 (the shipped anchor keeps
// it too), and nothing after the network looks where the network is sure. On a dark surface
// (backdrop/model.ts DARK) brightness says it: metal and stones are brighter than black velvet or
// paper, so a pixel no brighter than the fitted surface at its place (+ its noise) is the surface
// seen through the piece. Only a thick, enclosed patch of such pixels is cleared: one thinner than
// `radius` is a dark seam or a shadowed crease of the metal, and a patch that meets the clear surface
// outside the piece is the outline's business (edge-alpha.ts).
//
// Off on light surfaces, by measurement: polished white metal mirrors a white or grey sweep, and the
// same rule read as a ratio to the fitted surface (level within −5 %/+4 %, chromaticity within 4 %)
// cut holes into the inner faces of plain bands on ../shared/data/cutout-dev (band_nhancuoi2 on the
// sweep, missing piece 0.003 → 0.156 of its area; on grey 0.012 → 0.212) while leaving ring_nhan2's
// filled opening on the sweep as it was. Requiring the patch's rim to be an edge (share of the pixels
// 1–3 px around it off the surface by > 20 %) did not separate them: real openings 0.47–0.95, metal
// faces up to 0.63. Nor did a tight match (±1.5 % level, 2 % chromaticity) on surfaces the quadratic
// fits to within 1 % (not clipped white): piece_sp's opening was cut on the sweep and grey (0.202 →
// 0.006 of its area kept), but necklace_vongco2, earring_bongtai2/3 and bangle_vongtay5 on the sweep
// lost 0.006–0.017 of their area: a hollowed piece is worse than a filled opening.
// Weak: a black stone or blackened metal on black velvet, thicker than `radius` and enclosed by
// the piece, reads as the surface too.
import type { Plane } from "../types";
import type { WorkImage } from "../pixels/work-image";
import { dilate, erode } from "../pixels/mask";
import { labelComponents } from "../pixels/components";
import { frameSurface } from "./hole-surface";
import { darkSurface, evalModel, type BackdropModel } from "../backdrop/model";

export interface OpeningOptions {
  /** Largest mean linear value over the fitted surface's (+ 2 × its residual) that still matches it. */
  darkSlack: number;
  /** Work pixels (at 1024 px) a patch must be thick: it survives an erosion by this radius. */
  radius: number;
  /** Work pixels (at 1024 px) of the eroded patch, at least. */
  minArea: number;
  /** Below this backdrop trust, nothing is cleared (no known surface to compare with). */
  minTrust: number;
}

export const OPENING_DEFAULTS: OpeningOptions = { darkSlack: 0.01, radius: 3, minArea: 60, minTrust: 0.25 };

/**
 * Work-grid mask (1 = an opening the network filled, to clear). `evidence` is pieceEvidence's
 * (opaque-fill.ts): a pixel it calls textured is never surface here.
 */
export function surfaceOpenings(
  work: WorkImage,
  probWork: Float32Array,
  backdrop: BackdropModel,
  evidence: Uint8Array,
  opts: OpeningOptions = OPENING_DEFAULTS,
): Uint8Array | null {
  if (backdrop.trust < opts.minTrust) return null;
  if (!darkSurface(backdrop)) return null;
  const { width: w, height: h } = work;
  const n = w * h;
  const [R, G, B] = work.linear;
  const tY = opts.darkSlack + 2 * backdrop.residualAbs;
  const match = new Uint8Array(n);
  const b = [0, 0, 0];
  let any = false;
  for (let y = 0; y < h; y++) {
    const v = (y + 0.5) / h;
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      if (probWork[i]! < 0.5 || evidence[i] === 1) continue;
      evalModel(backdrop, (x + 0.5) / w, v, b);
      if ((R[i]! + G[i]! + B[i]!) / 3 > (b[0]! + b[1]! + b[2]!) / 3 + tY) continue;
      match[i] = 1;
      any = true;
    }
  }
  if (!any) return null;
  const scale = Math.max(w, h) / 1024;
  const r = Math.max(1, Math.round(opts.radius * scale));
  const seeds = erode(match, w, h, r);
  const { label, comps } = labelComponents(seeds, w, h, Math.round(opts.minArea * scale * scale));
  if (!comps.length) return null;
  const keepSeed = new Uint8Array(n);
  const big = new Uint8Array(comps.length ? comps[comps.length - 1]!.id + 1 : 1);
  for (const c of comps) big[c.id] = 1;
  for (let i = 0; i < n; i++) if (label[i] && big[label[i]!]) keepSeed[i] = 1;
  // The patch: the thick seeds grown back over the matching pixels (a morphological opening).
  const grown = dilate(keepSeed, w, h, r);
  const patch = new Uint8Array(n);
  for (let i = 0; i < n; i++) patch[i] = grown[i] && match[i] ? 1 : 0;
  // Enclosed: a patch touching the surface the network clears outside the piece is left alone.
  const outside = frameSurface(probWork, w, h);
  const { label: pl, comps: pc } = labelComponents(patch, w, h, 1);
  const touches = new Uint8Array(pc.length ? pc[pc.length - 1]!.id + 1 : 1);
  const ring = dilate(outside, w, h, 1);
  for (let i = 0; i < n; i++) if (pl[i] && ring[i]) touches[pl[i]!] = 1;
  let kept = 0;
  for (let i = 0; i < n; i++) {
    if (pl[i] && !touches[pl[i]!]) kept++;
    else patch[i] = 0;
  }
  return kept ? patch : null;
}

/** The network's map with `mask` (work grid w×h) cleared: each map pixel reads the work pixel at its centre. */
export function clearedMap(prob: Plane, mask: Uint8Array, w: number, h: number): Plane {
  const { width: pw, height: ph } = prob;
  const data = new Float32Array(prob.data);
  for (let y = 0; y < ph; y++) {
    const wy = Math.min(h - 1, Math.floor(((y + 0.5) * h) / ph));
    for (let x = 0; x < pw; x++) {
      const wx = Math.min(w - 1, Math.floor(((x + 0.5) * w) / pw));
      if (mask[wy * w + wx]) data[y * pw + x] = 0;
    }
  }
  return { width: pw, height: ph, data };
}
