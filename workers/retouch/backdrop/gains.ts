// Stage 5b — exposure and white balance, read from the shooting surface only (never the piece, so
// rose gold stays rose and a warm lamp does not get "corrected" out of yellow gold's colour), and
// applied to the piece as von Kries gains in linear RGB.
import type { BatchTarget } from "../settings";
import { linearToLab } from "../pixels/lab";
import { luminance } from "../pixels/srgb";
import type { BackdropModel } from "./model";

export interface Gains {
  exposure: number;
  whiteBalance: [number, number, number];
}

export interface SurfaceReading {
  gains: Gains;
  kind: string;
  notes: string[];
  lab: [number, number, number];
}

export const MAX_SWEEP_RESIDUAL = 0.08;

/** A light neutral sweep is brought to L* ≈ 96 unless a batch target says otherwise. */
export const DEFAULT_WHITE_Y = 0.9;

/**
 * Whether the surface's tint can be read as the lamp's cast. A white or grey sweep lit by a warm or
 * cool lamp leans along the daylight locus (yellow–orange or blue); a deliberately coloured surface
 * cannot be told from a cast, so strong or off-locus tints are left alone.
 */
export function castIsReadable(lab: [number, number, number], residual = 0): boolean {
  const [L, a, b] = lab;
  if (L < 25) return false; // black velvet: too little signal to read a cast from
  // Wood, linen, silk, a busy tabletop: the tint is the material's, not the lamp's. Only a smooth
  // sweep (robust fit residual within 8 % of its luminance) is read as a cast.
  if (residual > MAX_SWEEP_RESIDUAL) return false;
  const C = Math.hypot(a, b);
  const h = ((Math.atan2(b, a) * 180) / Math.PI + 360) % 360;
  if (h >= 40 && h <= 110) return C <= 25;
  if (h >= 200 && h <= 290) return C <= 10;
  return C <= 6;
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

export function readSurface(model: BackdropModel, target?: BatchTarget): SurfaceReading {
  const B = model.atPiece.map((v) => Math.max(v, 1e-4)) as [number, number, number];
  const lab = linearToLab(...B);
  const kind = classifySurface(lab, model.uniformity, model.residual);
  const notes: string[] = [];
  const Yb = luminance(...B);
  const readable = castIsReadable(lab, model.residual);
  let exposure = 1;
  let wb: [number, number, number] = [1, 1, 1];
  if (target) {
    const T = target.backdropLinear;
    exposure = luminance(...T) / Yb;
    if (readable) wb = [T[0] / B[0] / exposure, T[1] / B[1] / exposure, T[2] / B[2] / exposure];
  } else {
    if (kind.startsWith("white")) exposure = DEFAULT_WHITE_Y / Yb;
    if (readable) wb = [Yb / B[0], Yb / B[1], Yb / B[2]];
  }
  if (!readable && kind !== "black")
    notes.push(`The shooting surface is ${kind.replace("-gradient", "")}; its tint was not read as a lamp cast, so white balance was left as shot.`);
  // Normalise the white balance to unit luminance so exposure alone carries brightness.
  const wy = luminance(...wb);
  wb = wb.map((g) => g / wy) as [number, number, number];
  const clampedExposure = Math.min(1.6, Math.max(0.85, exposure));
  if (Math.abs(clampedExposure - exposure) > 1e-3) notes.push(`Exposure correction limited to ×${clampedExposure.toFixed(2)} (wanted ×${exposure.toFixed(2)}).`);
  const wbClamped = wb.map((g) => Math.min(1.5, Math.max(0.67, g))) as [number, number, number];
  return { gains: { exposure: clampedExposure, whiteBalance: wbClamped }, kind, notes, lab };
}
