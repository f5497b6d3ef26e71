// A piece matte for the check CLI, which gets only two photos. A pixel is background when the
// original there looks like its shooting surface OR the result there looks like its studio
// background; the piece is what differs in both. Using both images keeps halo pixels (original =
// backdrop, result ≠ studio) and removed cast shadows (original ≠ backdrop, result = studio) on the
// background side, where the guards expect them. Surfaces are the median of each image's border
// (5 % frame); the original's tolerance widens with its border's own spread (gradients, vignetting).
// Computed at ≤ 1 MP and upsampled, then softened by one pixel.
import { deltaE2000, linearRgbToLab } from "../color";
import { DARK } from "../backdrop/model";
import type { Image8, Plane } from "../types";
import { labelComponents } from "../pixels/components";
import { boxMeanReplicated } from "../pixels/box-mean";
import { quantile } from "./filters";
import { medianLinear } from "./gains";
import { downsampleLinear, labOf, workScale } from "./work";
import { removedShadow } from "./removed-shadow";
import { dilate, erode } from "../pixels/mask";
import { surfaceField } from "./surface-field";

function borderMask(w: number, h: number): Uint8Array {
  const m = new Uint8Array(w * h);
  const bw = Math.max(2, Math.round(0.05 * Math.min(w, h)));
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) if (x < bw || y < bw || x >= w - bw || y >= h - bw) m[y * w + x] = 1;
  return m;
}

function distanceTo(lab: Float32Array, ref: [number, number, number]): Float32Array {
  const n = lab.length / 3;
  const d = new Float32Array(n);
  for (let i = 0, o = 0; i < n; i++, o += 3)
    d[i] = deltaE2000(lab[o]!, lab[o + 1]!, lab[o + 2]!, ref[0], ref[1], ref[2]);
  return d;
}

/** Per-pixel distances (ΔE00, at the coarse scale s) of each image to its own border colour. */
export interface SurfaceDistances {
  w: number;
  h: number;
  s: number;
  /** Original to its shooting surface, result to its studio background. */
  dB: Float32Array;
  dA: Float32Array;
  /** Result to the original's surface (a kept band of surface), and original to the studio colour. */
  labB: Float32Array;
  labA: Float32Array;
  studioLab: [number, number, number];
  surfaceLab: [number, number, number];
  /** Tolerance of "looks like the surface" and of "within a shadow's reach of it". */
  tolB: number;
  tolShadow: number;
  /**
   * The distance to the border's median and its tolerance (≥ 6), which PIECE_AREA_LOST and PROP_KEPT
   * read as before the field: their rules were set on it. Against the field's 3 a sweep's undulations
   * pass for piece that the result shows as studio (chain_daychuyen1 on cutout-dev's sweep: 49 %
   * "erased"; elorine_bracelet_bracelet4, independent photo set: 72 %), and a field fitted over a
   * drape takes part of its grey folds for surface (elorine_pendant_necklace2: 0.031 of the frame
   * kept → 0.008).
   */
  dMedian: Float32Array;
  tolMedian: number;
  /** L* of the original's surface at each pixel (the fitted field, or the border median's). */
  surfaceL: Float32Array;
}

/**
 * `pair`: the result is a retouch of the original (the check CLI). Without it (an image against
 * itself: register.ts's silhouettes) the original is read against its border median only, as the
 * field and the result's cues (below) assume a studio result: on an image against itself they grew
 * the silhouettes over a gradient surface (tamar_bracelet_0103's registration IoU 0.83 → 0.35).
 */
export function surfaceDistances(before: Image8, after: Image8, pair = true): SurfaceDistances {
  if (before.width !== after.width || before.height !== after.height)
    throw new Error("estimateMatte: before and after differ in size");
  const s = workScale(before.width, before.height, 300_000);
  const b = downsampleLinear(before, s);
  const a = downsampleLinear(after, s);
  const { w, h } = b;
  const border = borderMask(w, h);
  const labB = labOf(b.lin).lab;
  const labA = labOf(a.lin).lab;
  const refOf = (lin: Float32Array): [number, number, number] => {
    const m = medianLinear(lin, border) ?? [1, 1, 1];
    const L = labOf(Float32Array.from(m)).lab;
    return [L[0]!, L[1]!, L[2]!];
  };
  const studioLab = refOf(a.lin);
  const surfaceLab = refOf(b.lin);
  const dA = distanceTo(labA, studioLab);
  const tolOf = (d: Float32Array, floor: number, where: Uint8Array = border): number => {
    const borderD: number[] = [];
    for (let i = 0; i < where.length; i += 3) if (where[i]) borderD.push(d[i]!);
    return Math.min(25, Math.max(floor, 1.5 * quantile(borderD, 0.95)));
  };
  // First against the border's median; then, where the border band looks like that surface, against
  // the smooth field fitted there (surface-field.ts), which follows a gradient across the frame.
  const dMedian = distanceTo(labB, surfaceLab);
  const tolMedian = tolOf(dMedian, 6);
  let dB = dMedian;
  let tolB = tolMedian;
  // The field's samples and its spread: border pixels like the surface, and where the result shows
  // its studio there (a piece reaching into the border band, surface-coloured, is no sample), when
  // that leaves half the band.
  const like = new Uint8Array(w * h);
  let nBorder = 0;
  let nClear = 0;
  for (let i = 0; i < like.length; i++) {
    like[i] = border[i] && dB[i]! <= tolB && dA[i]! <= 4 ? 1 : 0;
    nBorder += border[i]!;
    nClear += like[i]!;
  }
  if (nClear < 0.5 * nBorder) for (let i = 0; i < like.length; i++) like[i] = border[i] && dB[i]! <= tolB ? 1 : 0;
  const field = pair ? surfaceField(before, w, h, like) : null;
  const surfaceL = new Float32Array(w * h).fill(surfaceLab[0]);
  if (field) {
    const dF = new Float32Array(w * h);
    for (let i = 0, o = 0; i < dF.length; i++, o += 3)
      dF[i] = deltaE2000(labB[o]!, labB[o + 1]!, labB[o + 2]!, field[o]!, field[o + 1]!, field[o + 2]!);
    const tolF = tolOf(dF, FIELD_TOL_MIN, like);
    if (tolF < tolB) {
      dB = dF;
      tolB = tolF;
      for (let i = 0; i < surfaceL.length; i++) surfaceL[i] = field[i * 3]!;
    }
  }
  // "Result = studio" only overrides where the original is within a shadow's reach of its backdrop:
  // a bright glint or white metal that happens to match a white studio is still piece.
  const tolShadow = Math.max(25, 2 * tolB);
  return { w, h, s, dB, dA, labB, labA, studioLab, surfaceLab, tolB, tolShadow, surfaceL, dMedian, tolMedian };
}

/**
 * Floor of the tolerance against the fitted field. Its residual on a smooth surface is JPEG-level
 * (cutout-dev, 640 px: background median 0.2–0.3 ΔE00, 99th percentile 0.5–1.3 off the shadow),
 * while white gold on a grey or pale sweep sits 1.2–7 ΔE00 from it (bracelet_lactay, ring_nhan1):
 * the median's floor of 6 read most of that metal as surface.
 */
const FIELD_TOL_MIN = 3;

export function estimateMatte(before: Image8, after: Image8, pair = true): Plane {
  return matteFromDistances(surfaceDistances(before, after, pair), before.width, before.height, pair);
}

/** estimateMatte's matte at width × height from distances already computed. */
export function matteFromDistances(d: SurfaceDistances, width: number, height: number, pair = true): Plane {
  const { w, h, s, dB, dA, tolB, tolShadow } = d;
  const { labB, surfaceLab } = d;
  // "Result = studio" over a shadow of the surface (dark, tinted at most by the piece's bounce, e.g.
  // the contact shadow under a bead bracelet) that is wider than a painted glint's core: removed with
  // the surface, however dark.
  const shade = new Uint8Array(w * h);
  for (let i = 0; i < shade.length; i++) {
    const o = i * 3;
    shade[i] =
      dA[i]! <= 4 && dB[i]! > tolShadow && removedShadow(labB[o]!, labB[o + 1]!, labB[o + 2]!, surfaceLab, 0) ? 1 : 0;
  }
  const sl = labelComponents(shade, w, h, 1);
  const wide = new Uint8Array((sl.comps.at(-1)?.id ?? 0) + 1);
  for (const c of sl.comps) if (c.area >= SHADE_MIN_AREA) wide[c.id] = 1;
  const raw = new Float32Array(w * h);
  for (let i = 0; i < raw.length; i++) {
    // A shadow is darker than its surface: what the result shows as studio white where the original
    // was clearly brighter than its surface is a diamond or white metal, not a removed shadow.
    const shadowReach = dB[i]! <= tolShadow && (!pair || labB[i * 3]! <= d.surfaceL[i]! + tolB);
    const gone = dA[i]! <= 4 && (dB[i]! <= tolB || shadowReach || (sl.label[i]! > 0 && wide[sl.label[i]!] === 1));
    raw[i] = dB[i]! > tolB && !gone ? 1 : 0;
  }
  // Remove speckle: a pixel stays piece only if most of its 3×3 neighbourhood is piece.
  const m = boxMeanReplicated(raw, w, h, 1);
  for (let i = 0; i < raw.length; i++) raw[i] = m[i]! >= 0.5 ? 1 : 0;
  if (pair) addThickKept(raw, dA, w, h, s);
  if (pair) addTexturedKept(raw, d);
  fillSmallHoles(raw, w, h, Math.max(16, Math.round(0.001 * w * h)));
  const soft = boxMeanReplicated(raw, w, h, 1);
  if (pair && surfaceLab[0] < DARK_L) for (let i = 0; i < soft.length; i++) if (!raw[i]) soft[i] = 0;
  const out = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    const sy = Math.min(h - 1, Math.floor(y / s));
    for (let x = 0; x < width; x++) out[y * width + x] = soft[sy * w + Math.min(w - 1, Math.floor(x / s))]!;
  }
  return { width, height, data: out };
}

/**
 * L* of a dark surface (backdrop/model.ts DARK, ~20). There the softening stays inside the piece: the
 * result's α is 0 from the first coarse pixel the original shows as surface. Softened outward, the
 * coarse matte (2 original px per pixel at 1 MP and more) reached 3–4 px past the outline, where
 * HALO's rings skip everything with α ≥ 0.1 — so a 2–4 px band of black velvet carried onto white
 * went unseen (independent set, real cutouts, cal half: 9 of the 20 black scenes' kept bands missed,
 * ring_nhan1's read 0.047). Tight: HALO 71/80 → 80/80 on the cal half, the bands read 0.32–0.99 and
 * the 20 honest black scenes stay quiet. Not on lighter surfaces: there white metal the surface's
 * colour is what the raw estimate leaves out, and the soft edge keeps it out of the rings (tight on
 * every surface: three honest grey scenes raised HALO 0.23–0.29 — earring_bongtai1, ring_nhan1,
 * ring_nhan3).
 */
const DARK_L = linearRgbToLab(DARK, DARK, DARK)[0];

/**
 * Metal the colour of the surface (white gold on a grey sweep) looks like the surface in the original
 * but not like the studio in the result. So does a fringe of the old surface carried along — but a
 * fringe is a band a few pixels wide along the outline, metal a body of its own: what the result
 * shows off-studio and survives an opening by a (2r+1)² square (THICK_PX original pixels) is piece.
 */
function addThickKept(piece: Float32Array, dA: Float32Array, w: number, h: number, s: number): void {
  const kept = new Uint8Array(w * h);
  for (let i = 0; i < kept.length; i++) kept[i] = !piece[i] && dA[i]! > 4 ? 1 : 0;
  const r = Math.max(2, Math.round(THICK_PX / s));
  const open = dilate(erode(kept, w, h, r), w, h, r);
  for (let i = 0; i < kept.length; i++) if (open[i] && kept[i]) piece[i] = 1;
}

/**
 * Fine structure at each coarse pixel: the larger over x and y of the smaller of the two one-sided
 * L* steps. A single edge (the step from a piece onto its surface, or a fringe's cut) rises on one side
 * only and scores ~0; texture, links, facets and specular streaks change on both sides.
 */
function ridge(lab: Float32Array, w: number, h: number): Float32Array {
  const out = new Float32Array(w * h);
  for (let y = 1; y < h - 1; y++)
    for (let x = 1; x < w - 1; x++) {
      const i = y * w + x;
      const c = lab[i * 3]!;
      const gx = Math.min(Math.abs(c - lab[(i - 1) * 3]!), Math.abs(lab[(i + 1) * 3]! - c));
      const gy = Math.min(Math.abs(c - lab[(i - w) * 3]!), Math.abs(lab[(i + w) * 3]! - c));
      out[i] = Math.max(gx, gy);
    }
  return out;
}

/**
 * Grey metal on a grey card looks like the surface in the original, so a thin chain or a shank's
 * flank falls outside the matte and HALO reads it as a fringe. The surface is smooth (a fringe carried
 * along is too), the piece has structure: what the result shows off-studio where the original has fine
 * structure (ridge above the border's own, at least RIDGE_MIN_L) over most of its 3×3 neighbourhood is
 * piece. Needing the neighbourhood keeps a fringe's pixels beside the piece's outline out.
 */
function addTexturedKept(piece: Float32Array, d: SurfaceDistances): void {
  const textured = texturedShown(d);
  for (let i = 0; i < piece.length; i++) if (textured[i]) piece[i] = 1;
}

/** Where the result shows something off-studio over the original's fine structure (addTexturedKept). */
export function texturedShown(d: SurfaceDistances): Uint8Array {
  const out = texturedOriginal(d).slice();
  for (let i = 0; i < out.length; i++) if (d.dA[i]! <= 4) out[i] = 0;
  return out;
}

/** texturedOriginal's map per pair: the matte estimate, PROP_KEPT and PIECE_AREA_LOST all read it. */
const textureOf = new WeakMap<SurfaceDistances, Uint8Array>();

/**
 * Where the original has fine structure over most of its 3×3 neighbourhood, above its border's own.
 * Computed once per pair (read-only: copy before changing it).
 */
export function texturedOriginal(d: SurfaceDistances): Uint8Array {
  let t = textureOf.get(d);
  if (!t) textureOf.set(d, (t = computeTextured(d)));
  return t;
}

function computeTextured(d: SurfaceDistances): Uint8Array {
  const { w, h, dA, labB } = d;
  const r = ridge(labB, w, h);
  const border = borderMask(w, h);
  const v: number[] = [];
  // (The frame's outermost pixels have no ridge: r = 0 there, left out.)
  for (let i = 0; i < r.length; i++) if (border[i] && dA[i]! <= 4 && r[i]! > 0) v.push(r[i]!);
  const T = Math.max(RIDGE_MIN_L, RIDGE_OVER_BORDER * quantile(v, 0.95));
  const on = new Float32Array(w * h);
  for (let i = 0; i < r.length; i++) on[i] = r[i]! > T ? 1 : 0;
  const support = boxMeanReplicated(on, w, h, 1);
  const out = new Uint8Array(w * h);
  for (let i = 0; i < r.length; i++) out[i] = on[i] && support[i]! >= RIDGE_SUPPORT ? 1 : 0;
  return out;
}

/**
 * Ridge (L*) that counts as structure, and its multiple of the border's 95th percentile when the
 * surface has structure of its own (fabric). Measured on the independent set's real cutouts, cal half,
 * honest and fringe pairs on sweep, grey, blue and black (`report.ts 0 --cutout --half cal`): without
 * the rule 16/80 honest alarms (HALO on grey: bangle_vongtay 0.46, bangle_vongtay2 0.32,
 * bracelet_lactay2 0.22, earring_bongtai1 0.28, piece_sp 0.34, ring_nhan1 0.50) and 9/80 fringes
 * missed; with it (floor 1, ×1.5; 1 and ×2.5 read the same) and any support, 14/80 and 11/80 (band_nhancuoi1's fringe on grey
 * 0.26 → none: its pixels beside the outline joined the piece); with 7 of 9 neighbours, 13/80 and 9/80
 * (those four HALO alarms gone, earring_bongtai1 and ring_nhan1 0.12–0.13 notes, piece_sp 0.22).
 */
const RIDGE_MIN_L = 1;
const RIDGE_OVER_BORDER = 1.5;
const RIDGE_SUPPORT = 0.7;

/**
 * Half-width (original px) of the opening in addThickKept: the independent set's kept surface bands
 * (`keepSurfaceBand`, 2–4 px grown + 1 px feathered at 560–640 px) are at most 5 px wide.
 */
const THICK_PX = 5;

/** Background islands enclosed by the piece and smaller than maxArea become piece (in place). */
function fillSmallHoles(piece: Float32Array, w: number, h: number, maxArea: number): void {
  const bg = new Uint8Array(w * h);
  for (let i = 0; i < bg.length; i++) bg[i] = piece[i]! < 0.5 ? 1 : 0;
  const l = labelComponents(bg, w, h, 1);
  const fill = new Uint8Array((l.comps.at(-1)?.id ?? 0) + 1);
  for (const c of l.comps) {
    const b = c.box;
    const touches = b.x === 0 || b.y === 0 || b.x + b.w === w || b.y + b.h === h;
    if (!touches && c.area <= maxArea) fill[c.id] = 1;
  }
  for (let i = 0; i < bg.length; i++) if (l.label[i] && fill[l.label[i]!]) piece[i] = 1;
}

/**
 * Smallest patch (coarse px) of studio over a dark surface shadow taken as removed with the surface:
 * the gaps of Loupe's composite of tamar_bracelet_0355/0359 (`bench/guards-labels.ts --check`) are
 * 93–933 px; a 4-point star painted on silver saturates a core of a few pixels, which stays piece.
 */
const SHADE_MIN_AREA = 40;
