// Stage 5b — exposure and white balance, read from the shooting surface only (never the piece, so
// rose gold stays rose and a warm lamp does not get "corrected" out of yellow gold's colour), and
// applied to the piece as von Kries gains in linear RGB.
import type { BatchTarget } from "../settings";
import { linearRgbToLab, luminance } from "../color";
import { clippedWhite, evalModel, type BackdropModel } from "./model";

export interface Gains {
  exposure: number;
  whiteBalance: [number, number, number];
}

export interface SurfaceReading {
  gains: Gains;
  kind: string;
  notes: string[];
  lab: [number, number, number];
  /** Whether the surface was read as neutral (gains come from it) or left alone. */
  neutral: boolean;
  /** When not neutral: why its tint was not read as the lamp's. */
  why?: string;
}

/**
 * Robust fit residual (relative to the surface's luminance) above which the surface is textured.
 * Measured on the 51 real photos: plain sweeps 0.001–0.043; whitewashed wood (tamar_pendant_0036)
 * 0.063, a shaded plate (elorine_pendant_necklace1) 0.062.
 */
export const MAX_SWEEP_RESIDUAL = 0.05;
/**
 * Largest change of the surface's tint (a*b* distance) across the frame for one lamp on one
 * surface. Real sweeps: ≤ 4.1; two surfaces or mixed light (a plate against a wall): 7–19.
 */
export const MAX_TINT_SPREAD = 6;

/** A light neutral sweep is brought to L* ≈ 96 unless a batch target says otherwise. */
export const DEFAULT_WHITE_Y = 0.9;

/** Largest chroma read as a lamp's cast, by where the tint points (CIELAB, D65). */
export const CAST_CHROMA = {
  /** Warm (tungsten, late daylight): yellow–orange along the daylight locus. */
  warm: 16,
  /** Cool (shade, cold LEDs): blue along the locus. Pale blue paper starts about here. */
  cool: 10,
  /** Off the locus: the green or magenta tint of fluorescent and cheap LED light. */
  tint: 11,
};

/**
 * Why the surface's tint cannot be read as the lamp's cast, or null when it can. A white or grey
 * sweep under a warm, cool, green or magenta lamp takes a modest tint; a deliberately coloured
 * surface (paper, fabric, wood) cannot be told from a cast, so strong tints and textured surfaces
 * are left alone: their gains stay at 1.
 */
export function notNeutralBecause(lab: [number, number, number], residual = 0, tintSpread = 0): string | null {
  const [L, a, b] = lab;
  if (L < 25) return "it is too dark to read a lamp's cast from";
  // Wood, linen, silk, a busy tabletop: the tint is the material's, not the lamp's. Only a smooth
  // sweep (robust fit residual within 8 % of its luminance) is read as a cast.
  if (residual > MAX_SWEEP_RESIDUAL)
    return `it is textured (wood, fabric or a busy tabletop: ${(100 * residual).toFixed(0)} % variation), not a plain sweep`;
  if (tintSpread > MAX_TINT_SPREAD)
    return `its tint changes across the frame (by ${tintSpread.toFixed(1)} in a*b*): more than one surface, or mixed light`;
  const C = Math.hypot(a, b);
  const h = ((Math.atan2(b, a) * 180) / Math.PI + 360) % 360;
  const limit = h >= 50 && h <= 110 ? CAST_CHROMA.warm : h >= 200 && h <= 290 ? CAST_CHROMA.cool : CAST_CHROMA.tint;
  if (C > limit)
    return `its colour (chroma ${C.toFixed(1)}, hue ${h.toFixed(0)}°) is stronger than a lamp's cast on a white or grey surface (up to ${limit})`;
  return null;
}

/** Whether the surface's tint can be read as the lamp's cast (a neutral surface). */
export function castIsReadable(lab: [number, number, number], residual = 0): boolean {
  return notNeutralBecause(lab, residual) === null;
}

export function classifySurface(lab: [number, number, number], uniformity: number, residual = 0): string {
  const [L, a, b] = lab;
  const C = Math.hypot(a, b);
  let kind: string;
  if (L < 25) kind = "black";
  else if (castIsReadable(lab, residual) && L >= 80) kind = "white";
  else if (castIsReadable(lab, residual)) kind = "grey";
  else if (residual > MAX_SWEEP_RESIDUAL) kind = C < 8 ? "textured-neutral" : "textured";
  else kind = L >= 70 ? "pale-colored" : "colored";
  if (uniformity < 0.85 && kind !== "black" && !kind.startsWith("textured")) kind += "-gradient";
  return kind;
}

/** Largest a*b* distance between the surface's tint at the piece and anywhere on a 5×5 grid of the frame. */
export function tintSpread(model: BackdropModel, at: [number, number, number]): number {
  const t = [0, 0, 0];
  let spread = 0;
  for (let j = 0; j <= 4; j++)
    for (let i = 0; i <= 4; i++) {
      evalModel(model, i / 4, j / 4, t);
      const [, a, b] = linearRgbToLab(Math.max(t[0]!, 1e-4), Math.max(t[1]!, 1e-4), Math.max(t[2]!, 1e-4));
      spread = Math.max(spread, Math.hypot(a - at[1], b - at[2]));
    }
  return spread;
}

export function readSurface(model: BackdropModel, target?: BatchTarget): SurfaceReading {
  const B = model.atPiece.map((v) => Math.max(v, 1e-4)) as [number, number, number];
  const lab = linearRgbToLab(...B);
  const kind = classifySurface(lab, model.uniformity, model.residual);
  const notes: string[] = [];
  if (clippedWhite(model)) {
    notes.push(
      "Exposure and white balance were left as shot: the surface is pure white (at the camera's ceiling), so it tells neither.",
    );
    return { gains: { exposure: 1, whiteBalance: [1, 1, 1] }, kind, notes, lab, neutral: true };
  }
  const Yb = luminance(...B);
  const why = notNeutralBecause(lab, model.residual, tintSpread(model, lab));
  if (why !== null) {
    // Neither exposure nor white balance can be read from a surface that is not neutral: the piece
    // is left as shot, never made worse than the input.
    notes.push(
      `Exposure and white balance were left as shot: the shooting surface is ${kind.replace("-gradient", "")} and ${why}.`,
    );
    return { gains: { exposure: 1, whiteBalance: [1, 1, 1] }, kind, notes, lab, neutral: false, why };
  }
  let exposure = 1;
  let wb: [number, number, number];
  if (target) {
    const T = target.backdropLinear;
    exposure = luminance(...T) / Yb;
    wb = [T[0] / B[0] / exposure, T[1] / B[1] / exposure, T[2] / B[2] / exposure];
  } else {
    if (kind.startsWith("white")) exposure = DEFAULT_WHITE_Y / Yb;
    wb = [Yb / B[0], Yb / B[1], Yb / B[2]];
  }
  // Normalise the white balance to unit luminance so exposure alone carries brightness.
  const wy = luminance(...wb);
  wb = wb.map((g) => g / wy) as [number, number, number];
  const clampedExposure = Math.min(1.6, Math.max(0.85, exposure));
  if (Math.abs(clampedExposure - exposure) > 1e-3)
    notes.push(`Exposure correction limited to ×${clampedExposure.toFixed(2)} (wanted ×${exposure.toFixed(2)}).`);
  const wbClamped = wb.map((g) => Math.min(1.5, Math.max(0.67, g))) as [number, number, number];
  return { gains: { exposure: clampedExposure, whiteBalance: wbClamped }, kind, notes, lab, neutral: true };
}
