// Stage 3a — openings the network filled. ISNet often reads a ring as a solid disc: the inside of the
// band shows the very surface the ring stands on, yet its map there is ~1 (the shipped anchor keeps
// it too), and nothing after the network looks where the network is sure. Where the fitted surface
// (backdrop/model.ts) is known, colour can say it: a thick, enclosed patch of pixels that show that
// surface at their place is the surface seen through the piece, and it is cleared on the network's
// map (as if the network had left it open; the fill, the ramp and the edge stage then treat it as
// any opening). A patch thinner than `radius` is a crease or a flat glint; one that meets the clear
// surface outside the piece is the outline's business (edge-alpha.ts).
//  • Dark surface (DARK): metal and stones are brighter than black velvet or paper; a pixel no
//    brighter than the fitted surface (+ its noise) is the surface.
//  • Light surface: polished white metal mirrors a white or grey sweep, so the match is tight (level
//    ±1.5 %, chromaticity 2 %, each + the fit's relative residual), only where the quadratic fits the
//    surface to 1 % and the surface is not clipped white (there white metal is the same white), and
//    only for a patch of at least 5 % of the network's piece: the faces that match by chance are
//    small. On ../shared/data/cutout-dev's 156 light scenes the faces matched 0.5–1.5 % of their
//    piece (necklace_vongco1/2/4, earring_bongtai1/2/3, bangle_vongtay4/5), piece_sp's filled opening
//    16 %; with the 5 % floor only piece_sp changed (sweep and grey: 0.202 → 0.005 of its area kept in
//    the opening, nothing lost). Dropped: the same rule at −5 %/+4 % and 4 % chromaticity, with no
//    fit or size limit, cut holes into plain bands' inner faces (band_nhancuoi2 on the sweep, missing
//    area 0.003 → 0.156; on grey 0.012 → 0.212); asking the patch's rim to be an edge did not separate
//    openings (0.47–0.95 of the rim off the surface by > 20 %) from faces (up to 0.63).
// Measured (`npm run bench -- --only cutout`, docs/cutout-bench.md): black IoU 0.928 → 0.968, MAE
// 0.0126 → 0.0025, holes cut 814 → 828 of 848; all 195 scenes IoU 0.927 → 0.937; opaque kept and
// seams unchanged (0.985, 0.00). The 52 real photos of ../shared/photos: no change (none matches).
// Weak: a black stone or blackened metal on black velvet, thicker than `radius` and enclosed by
// the piece, reads as the surface too; so would a large flat face mirroring a tightly fitted sweep.
import type { Plane } from "../types";
import type { WorkImage } from "../pixels/work-image";
import { dilate, thickPatches } from "../pixels/mask";
import { boxMean } from "../pixels/box-mean";
import { labelComponents } from "../pixels/components";
import { frameSurface } from "./hole-surface";
import { ratioToSurface } from "./opaque-fill";
import { clippedWhite, darkSurface, evalModel, type BackdropModel } from "../backdrop/model";
import { neighbours4 } from "../pixels/neighbours";

export interface OpeningOptions {
  /** Dark surface: largest mean linear value over the fitted surface's (+ 2 × its residual) that still matches it. */
  darkSlack: number;
  /**
   * Light surface: the ratio to the fitted surface within ±lightLevel in level and lightChroma per
   * channel (each + the fit's relative residual), only where the fit is that good (lightMaxResidual)
   * and the surface not clipped white, and only for a patch of at least lightMinShare of the network's
   * piece area (see the file's header).
   */
  lightLevel: number;
  lightChroma: number;
  lightMaxResidual: number;
  lightMinShare: number;
  /** Work pixels (at 1024 px) a patch must be thick: it survives an erosion by this radius. */
  radius: number;
  /** Work pixels (at 1024 px) of the eroded patch, at least. */
  minArea: number;
  /** Below this backdrop trust, nothing is cleared (no known surface to compare with). */
  minTrust: number;
}

export const OPENING_DEFAULTS: OpeningOptions = {
  darkSlack: 0.01,
  lightLevel: 0.015,
  lightChroma: 0.02,
  lightMaxResidual: 0.01,
  lightMinShare: 0.05,
  radius: 3,
  minArea: 60,
  minTrust: 0.25,
};

/** Per pixel: does it show the fitted surface (within the options' tolerances)? null: not read here. */
function surfaceMatcher(
  backdrop: BackdropModel,
  opts: OpeningOptions,
): ((r: number, g: number, b: number, s: number[]) => boolean) | null {
  if (darkSurface(backdrop)) {
    const tY = opts.darkSlack + 2 * backdrop.residualAbs;
    return (r, g, b, s) => (r + g + b) / 3 <= (s[0]! + s[1]! + s[2]!) / 3 + tY;
  }
  const meanY = Math.max(1e-3, (backdrop.mean[0] + backdrop.mean[1] + backdrop.mean[2]) / 3);
  const slack = backdrop.residualAbs / meanY;
  if (slack > opts.lightMaxResidual || clippedWhite(backdrop)) return null;
  const lo = 1 - opts.lightLevel - slack;
  const hi = 1 + opts.lightLevel + slack;
  const tc = opts.lightChroma + slack;
  const rc = [0, 0];
  return (r, g, b, s) => {
    ratioToSurface(r, g, b, s, rc);
    return rc[0]! >= lo && rc[0]! <= hi && rc[1]! <= tc;
  };
}

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
  const matches = surfaceMatcher(backdrop, opts);
  if (!matches) return null;
  const dark = darkSurface(backdrop);
  const { width: w, height: h } = work;
  const n = w * h;
  const [R, G, B] = work.linear;
  const match = new Uint8Array(n);
  const s = [0, 0, 0];
  let core = 0;
  let any = false;
  for (let y = 0; y < h; y++) {
    const v = (y + 0.5) / h;
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      if (probWork[i]! < 0.5) continue;
      core++;
      if (evidence[i] === 1) continue;
      evalModel(backdrop, (x + 0.5) / w, v, s);
      if (!matches(R[i]!, G[i]!, B[i]!, s)) continue;
      match[i] = 1;
      any = true;
    }
  }
  if (!any) return null;
  const scale = Math.max(w, h) / 1024;
  const r = Math.max(1, Math.round(opts.radius * scale));
  // The patch: the thick seeds grown back over the matching pixels (a morphological opening), then
  // on over pixels that match at the looser tolerance up to the piece's rim, so that the opening
  // ends where the metal begins and not in a step inside it.
  const patch = thickPatches(match, w, h, r, Math.round(opts.minArea * scale * scale));
  if (!patch) return null;
  const loose = surfaceMatcher(backdrop, {
    ...opts,
    lightLevel: opts.lightLevel * RIM_LOOSENING,
    lightChroma: opts.lightChroma * RIM_LOOSENING,
    darkSlack: opts.darkSlack * RIM_LOOSENING,
  })!;
  growOver(patch, w, h, Math.max(1, Math.round(RIM_REACH * scale)), (i) => {
    if (probWork[i]! < 0.5 || evidence[i] === 1) return false;
    const x = i % w;
    evalModel(backdrop, (x + 0.5) / w, ((i - x) / w + 0.5) / h, s);
    return loose(R[i]!, G[i]!, B[i]!, s);
  });
  // Enclosed: a patch touching the surface the network clears outside the piece is left alone; on a
  // light surface, so is a patch smaller than an opening (a metal face that mirrors the surface).
  const ring = dilate(frameSurface(probWork, w, h), w, h, 1);
  const { label: pl, comps: pc } = labelComponents(patch, w, h, 1);
  const skip = new Set<number>();
  for (let i = 0; i < n; i++) if (pl[i] && ring[i]) skip.add(pl[i]!);
  if (!dark) for (const c of pc) if (c.area < opts.lightMinShare * core) skip.add(c.id);
  let kept = 0;
  for (let i = 0; i < n; i++) {
    if (pl[i] && !skip.has(pl[i]!)) kept++;
    else patch[i] = 0;
  }
  return kept ? patch : null;
}

/** How much looser the match is for the patch's own rim, and how far (work px at 1024 px) it may grow. */
const RIM_LOOSENING = 3;
const RIM_REACH = 6;

/** Grows `mask` in place, ring by ring (4-connected), over pixels `ok` accepts, at most `steps` rings. */
function growOver(mask: Uint8Array, w: number, h: number, steps: number, ok: (i: number) => boolean): void {
  let front: number[] = [];
  for (let i = 0; i < mask.length; i++) if (mask[i]) front.push(i);
  for (let k = 0; k < steps && front.length; k++) {
    const next: number[] = [];
    for (const i of front) {
      for (const j of neighbours4(i, w, w * h)) {
        if (j < 0 || mask[j] || !ok(j)) continue;
        mask[j] = 1;
        next.push(j);
      }
    }
    front = next;
  }
}

/**
 * The network's map with `mask` (work grid w×h) cleared: each map pixel reads the work pixel at its
 * centre, and the cleared area's border is softened over a map pixel either side (two 3×3 box means)
 * so that the ramp draws the opening's edge instead of a step inside it.
 */
export function clearedMap(prob: Plane, mask: Uint8Array, w: number, h: number): Plane {
  const { width: pw, height: ph } = prob;
  const onMap = new Float32Array(pw * ph);
  for (let y = 0; y < ph; y++) {
    const wy = Math.min(h - 1, Math.floor(((y + 0.5) * h) / ph));
    for (let x = 0; x < pw; x++) {
      const wx = Math.min(w - 1, Math.floor(((x + 0.5) * w) / pw));
      if (mask[wy * w + wx]) onMap[y * pw + x] = 1;
    }
  }
  const soft = boxMean(boxMean(onMap, pw, ph, 1), pw, ph, 1);
  const data = new Float32Array(prob.data);
  for (let i = 0; i < data.length; i++) if (soft[i]! > 0) data[i] = data[i]! * (1 - soft[i]!);
  return { width: pw, height: ph, data };
}
