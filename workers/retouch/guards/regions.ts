// Region analysis of the piece, on the expected (original + gains) image:
//  - specular highlights, by the dichromatic reflection model (Shafer 1985): a highlight reflects the
//    light source itself, so it is bright and nearly achromatic whatever the metal or stone; colour
//    measures skip these pixels (and their 1-px rim) in both images;
//  - gemstone vs metal: gems are chromatic at hues gold alloys never reach (greens, blues, purples,
//    deep reds) or far more saturated than any metal; metal is the rest of the lit interior;
//  - textured areas: moderate local L* variation (brushed, hammered, granulated), not strong edges.
import { boxMean, quantile } from "./filters";
import { count, dilate, pieceInterior } from "./masks";
import type { Work } from "./work";

export interface Regions {
  inner: Uint8Array;
  specular: Uint8Array;
  metal: Uint8Array;
  gem: Uint8Array;
  textured: Uint8Array;
  /** Local standard deviation of expected L* (radius 2). */
  localStd: Float32Array;
  pieceCount: number;
}

export function isGemColor(C: number, h: number): boolean {
  return (C >= 18 && (h < 25 || h > 105)) || C >= 48;
}

export function analyzeRegions(work: Work): Regions {
  const { w, h, expectedLab, afterLab, expectedL } = work;
  const n = w * h;
  const inner = pieceInterior(work.alpha, w, h);
  // "Bright" is relative to the piece: on a white-on-white silver shot most of the metal is above
  // L* 88, and only its top decile is the light source's reflection.
  const innerL: number[] = [];
  for (let i = 0; i < n; i += 7) if (inner[i]) innerL.push(expectedL[i]!);
  const lSpec = Math.min(96, Math.max(82, innerL.length ? quantile(innerL, 0.9) : 88));
  const specRaw = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if (!inner[i]) continue;
    const o = i * 3;
    if (isSpecular(expectedLab[o]!, expectedLab[o + 1]!, expectedLab[o + 2]!, lSpec) || isSpecular(afterLab[o]!, afterLab[o + 1]!, afterLab[o + 2]!, lSpec))
      specRaw[i] = 1;
  }
  const specular = dilate(specRaw, w, h, 1);

  const m1 = boxMean(expectedL, w, h, 2);
  const sq = new Float32Array(n);
  for (let i = 0; i < n; i++) sq[i] = expectedL[i]! * expectedL[i]!;
  const m2 = boxMean(sq, w, h, 2);
  const localStd = new Float32Array(n);
  for (let i = 0; i < n; i++) localStd[i] = Math.sqrt(Math.max(0, m2[i]! - m1[i]! * m1[i]!));

  const metal = new Uint8Array(n);
  const gem = new Uint8Array(n);
  const textured = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if (!inner[i] || specular[i]) continue;
    const o = i * 3;
    const L = expectedLab[o]!;
    const a = expectedLab[o + 1]!;
    const b = expectedLab[o + 2]!;
    const C = Math.hypot(a, b);
    let hue = (Math.atan2(b, a) * 180) / Math.PI;
    if (hue < 0) hue += 360;
    if (isGemColor(C, hue) && L > 8) gem[i] = 1;
    else if (L >= 12) metal[i] = 1;
    // Texture: visible but not an outline (outlines are the edge guard's business).
    const s = localStd[i]!;
    if (s >= 1.2 && s <= 10 && L >= 20) textured[i] = 1;
  }
  return { inner, specular, metal, gem, textured, localStd, pieceCount: count(inner) };
}

/** Bright and nearly achromatic: the light source's own colour (dichromatic model). */
export function isSpecular(L: number, a: number, b: number, lMin: number): boolean {
  return L >= lMin && a * a + b * b <= 12 * 12;
}
