// Region analysis of the piece, on the expected (original + gains) image:
//  - specular highlights, by the dichromatic reflection model (Shafer 1985): a highlight reflects the
//    light source itself, so it is bright and nearly achromatic whatever the metal or stone; colour
//    measures skip these pixels (and their 1-px rim) in both images;
//  - gemstone vs metal: gems are chromatic at hues gold alloys never reach (greens, blues, purples,
//    deep reds) or far more saturated than any metal; metal is the rest of the lit interior;
//  - textured areas: moderate local L* variation (brushed, hammered, granulated), not strong edges.
import { boxMeanPair } from "./box-pair";
import { scratchOf } from "../pixels/scratch";
import { quantileOf } from "../pixels/select";
import { dilate } from "../pixels/mask";
import { count, pieceInterior } from "./masks";
import type { Work } from "./work";

export interface Regions {
  inner: Uint8Array;
  specular: Uint8Array;
  metal: Uint8Array;
  gem: Uint8Array;
  /** Moderate local σ of expected L* (radius 2, 1.2–10) on the lit interior. */
  textured: Uint8Array;
  pieceCount: number;
}

export function isGemColor(C: number, h: number): boolean {
  return (C >= 18 && (h < 25 || h > 105)) || C >= 48;
}

export function analyzeRegions(work: Work): Regions {
  const { w, h, expectedLab, expectedL } = work;
  const n = w * h;
  const inner = pieceInterior(work.alpha, w, h);
  // "Bright" is relative to the piece: on a white-on-white silver shot most of the metal is above
  // L* 88, and only its top decile is the light source's reflection.
  const innerL = new Float32Array(Math.ceil(n / 7));
  let nL = 0;
  for (let i = 0; i < n; i += 7) if (inner[i]) innerL[nL++] = expectedL[i]!;
  const lSpec = Math.min(96, Math.max(82, nL ? quantileOf(innerL, 0.9, nL) : 88));
  // Specular candidates (either image) and the squares for the local σ, in one pass.
  const specRaw = new Uint8Array(n);
  const sq = scratchOf("guards.squares", Float32Array, n);
  // Loops run row by row: kernels called per row are optimised by V8 within the first image.
  for (let row = 0; row < n; row += w) specularRow(work, inner, lSpec, specRaw, sq, row, row + w);
  const specular = dilate(specRaw, w, h, 1);
  const [m1, m2] = boxMeanPair(expectedL, sq, w, h, 2, 2);
  const out = { metal: new Uint8Array(n), gem: new Uint8Array(n), textured: new Uint8Array(n) };
  for (let row = 0; row < n; row += w) classifyRow(expectedLab, inner, specular, m1, m2, out, row, row + w);
  return { inner, specular, ...out, pieceCount: count(inner) };
}

function specularRow(
  work: Work,
  inner: Uint8Array,
  lSpec: number,
  specRaw: Uint8Array,
  sq: Float32Array,
  from: number,
  to: number,
): void {
  const { expectedLab: e, afterLab: a, expectedL } = work;
  for (let i = from; i < to; i++) {
    sq[i] = expectedL[i]! * expectedL[i]!;
    if (!inner[i]) continue;
    const o = i * 3;
    if (isSpecular(e[o]!, e[o + 1]!, e[o + 2]!, lSpec) || isSpecular(a[o]!, a[o + 1]!, a[o + 2]!, lSpec))
      specRaw[i] = 1;
  }
}

function classifyRow(
  lab: Float32Array,
  inner: Uint8Array,
  specular: Uint8Array,
  m1: Float32Array,
  m2: Float32Array,
  out: { metal: Uint8Array; gem: Uint8Array; textured: Uint8Array },
  from: number,
  to: number,
): void {
  const { metal, gem, textured } = out;
  for (let i = from; i < to; i++) {
    if (!inner[i] || specular[i]) continue;
    const o = i * 3;
    const L = lab[o]!;
    const a = lab[o + 1]!;
    const b = lab[o + 2]!;
    if (gemColour(a, b) && L > 8) gem[i] = 1;
    else if (L >= 12) metal[i] = 1;
    // Texture: visible but not an outline (outlines are the edge guard's business). The local σ of
    // L* (radius 2), rounded to float32 as the plane that used to hold it.
    if (L < 20) continue;
    const v = m2[i]! - m1[i]! * m1[i]!;
    const s = Math.fround(Math.sqrt(v > 0 ? v : 0));
    if (s >= 1.2 && s <= 10) textured[i] = 1;
  }
}

// isGemColor without library calls for all but a vanishing few pixels. Math.hypot and atan2 differ
// from a²+b² and a sector test by rounding only (~10⁻¹⁶ relative), so outside a 10⁻⁹ band around each
// threshold the cheap tests decide exactly as they would; inside it, the library functions do.
const BAND = 1e-9;
const C18 = 18 * 18;
const C48 = 48 * 48;
const SIN25 = Math.sin((25 * Math.PI) / 180);
const COS25 = Math.cos((25 * Math.PI) / 180);
const SIN105 = Math.sin((105 * Math.PI) / 180);
const COS105 = Math.cos((105 * Math.PI) / 180);

/** isGemColor(hypot(a, b), hue(a, b)). */
function gemColour(a: number, b: number): boolean {
  const c2 = a * a + b * b;
  if (c2 < C18 * (1 - BAND)) return false;
  if (c2 > C48 * (1 + BAND)) return true;
  if (c2 < C48 * (1 - BAND) && c2 > C18 * (1 + BAND)) return !metalHue(a, b, Math.sqrt(c2));
  const h = hueOf(a, b);
  return isGemColor(Math.hypot(a, b), h);
}

/** Hue in [25°, 105°] (where gold alloys lie), for chroma c: two half-planes, or atan2 at the edges. */
function metalHue(a: number, b: number, c: number): boolean {
  // c·sin(h − 25°) and c·sin(105° − h): both positive exactly inside the 80° sector.
  const s1 = COS25 * b - SIN25 * a;
  const s2 = SIN105 * a - COS105 * b;
  const m = BAND * c;
  if (s1 > m && s2 > m) return true;
  if (s1 < -m || s2 < -m) return false;
  const h = hueOf(a, b);
  return !(h < 25 || h > 105);
}

function hueOf(a: number, b: number): number {
  const h = (Math.atan2(b, a) * 180) / Math.PI;
  return h < 0 ? h + 360 : h;
}

/** Bright and nearly achromatic: the light source's own colour (dichromatic model). */
export function isSpecular(L: number, a: number, b: number, lMin: number): boolean {
  return L >= lMin && a * a + b * b <= 12 * 12;
}
