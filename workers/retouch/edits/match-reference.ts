// "Match reference": the colour pass that makes a photo's metal agree with the collection's approved
// reference photo, when both are of the same metal family (yellow, rose, white). The reference is an
// approved composite (no matte: its metal is read as the REFERENCE_MISMATCH guard reads it); the
// photo is its cutout without a colour pass (metal = its opaque pixels that are neither stone, nor
// near-black, nor blown highlight). Gains in linear light = reference metal / photo metal, split into
// exposure (luminance) and white balance (temperature, tint): three channels, exactly the pass's
// three degrees of freedom. The backdrops are compared too: the composite's background colour against
// the reference's border.
import { LINEAR_LUT, deltaE2000, linearRgbToLab, luminance } from "../color";
import type { Image8 } from "../types";
import { referenceColors } from "../guards/reference-mismatch";
import { familyOfLab, type MetalFamily } from "../guards/metal-family";
import { isGemColor } from "../guards/regions";
import { DEFAULT_THRESHOLDS } from "../guards/thresholds";
import { EXPOSURE_RANGE, WB_RANGE } from "./color-pass";
import type { ColorPass } from "./types";

export interface ReferenceMatch {
  /** The pass to apply, or null when the metal cannot be matched (`why` says why). */
  pass: ColorPass | null;
  why?: string;
  metal: { reference: MetalFamily | null; photo: MetalFamily | null; deltaEBefore: number | null };
  /** ΔE00 between the reference's border and the photo's background, or null without a background. */
  backdropDeltaE: number | null;
}

/** Mean linear RGB of the photo's metal: opaque pixels, no stones, no near-black, no blown highlights. */
export function cutoutMetal(cutout: Image8): [number, number, number] | null {
  const d = cutout.data;
  const ch = cutout.channels;
  const step = Math.max(1, Math.floor(Math.sqrt((cutout.width * cutout.height) / 300_000)));
  const sum = [0, 0, 0];
  let n = 0;
  for (let y = 0; y < cutout.height; y += step)
    for (let x = 0; x < cutout.width; x += step) {
      const o = ch * (y * cutout.width + x);
      if (ch === 4 && d[o + 3]! < 255) continue;
      const r = LINEAR_LUT[d[o]!]!;
      const g = LINEAR_LUT[d[o + 1]!]!;
      const b = LINEAR_LUT[d[o + 2]!]!;
      const [L, A, B] = linearRgbToLab(r, g, b);
      const C = Math.hypot(A, B);
      let h = (Math.atan2(B, A) * 180) / Math.PI;
      if (h < 0) h += 360;
      if (isGemColor(C, h) || L < 12 || (L > 85 && C < 12) || Math.max(r, g, b) >= 0.98) continue;
      sum[0] += r;
      sum[1] += g;
      sum[2] += b;
      n++;
    }
  return n >= 50 ? [sum[0]! / n, sum[1]! / n, sum[2]! / n] : null;
}

const STOPS_PER_UNIT = 0.5 / 100;
const clamp = (v: number, r: number) => Math.max(-r, Math.min(r, v));
const round = (v: number, k: number) => Math.round(v * k) / k;

/** The pass whose gains take linear `from` to linear `to` (exactly, within the sliders' ranges). */
export function passBetween(from: [number, number, number], to: [number, number, number]): ColorPass {
  const l = [0, 1, 2].map((c) => Math.log2(Math.max(to[c]!, 1e-5) / Math.max(from[c]!, 1e-5)));
  // log2 gains = n + s·(T, −M, −T): T from red against blue, M from green against their mean.
  const temperature = (l[0]! - l[2]!) / (2 * STOPS_PER_UNIT);
  const tint = ((l[0]! + l[2]!) / 2 - l[1]!) / STOPS_PER_UNIT;
  const exposure = Math.log2(luminance(...to) / luminance(...from));
  return {
    exposure: round(clamp(exposure, EXPOSURE_RANGE), 100),
    temperature: round(clamp(temperature, WB_RANGE), 10),
    tint: round(clamp(tint, WB_RANGE), 10),
  };
}

export function matchReference(
  reference: Image8,
  cutout: Image8,
  background: [number, number, number] | null,
): ReferenceMatch {
  const ref = referenceColors(reference);
  const photo = cutoutMetal(cutout);
  const lab = (v: [number, number, number]) => linearRgbToLab(...v);
  const refFamily = ref.metal ? familyOfLab(lab(ref.metal), DEFAULT_THRESHOLDS) : null;
  const photoFamily = photo ? familyOfLab(lab(photo), DEFAULT_THRESHOLDS) : null;
  const deltaEBefore = ref.metal && photo ? round(deltaE2000(...lab(ref.metal), ...lab(photo)), 100) : null;
  const backdropDeltaE = background ? round(borderDeltaE(reference, background), 100) : null;
  const metal = { reference: refFamily, photo: photoFamily, deltaEBefore };
  if (!ref.metal)
    return { pass: null, why: "The reference photo shows no metal Loupe can read.", metal, backdropDeltaE };
  if (!photo)
    return {
      pass: null,
      why: "This photo shows no metal Loupe can read (too small, all stones, or all highlights).",
      metal,
      backdropDeltaE,
    };
  if (!refFamily || refFamily !== photoFamily)
    return {
      pass: null,
      why: `The metals are not of the same family (reference ${refFamily ?? "unclear"}, this photo ${photoFamily ?? "unclear"}): matching would change what the piece is made of.`,
      metal,
      backdropDeltaE,
    };
  return { pass: passBetween(photo, ref.metal), metal, backdropDeltaE };
}

/** ΔE00 between the median of the reference's border (3 %) and an 8-bit sRGB background colour. */
function borderDeltaE(ref: Image8, bg: [number, number, number]): number {
  const { width: W, height: H, data, channels: ch } = ref;
  const bw = Math.max(2, Math.round(0.03 * Math.min(W, H)));
  const vals: number[][] = [[], [], []];
  const step = Math.max(1, Math.floor(Math.min(W, H) / 200));
  for (let y = 0; y < H; y += step)
    for (let x = 0; x < W; x += step) {
      if (x >= bw && y >= bw && x < W - bw && y < H - bw) continue;
      const o = ch * (y * W + x);
      for (let c = 0; c < 3; c++) vals[c]!.push(data[o + c]!);
    }
  const med = vals.map((v) => v.sort((a, b) => a - b)[v.length >> 1] ?? 0);
  const a = linearRgbToLab(LINEAR_LUT[med[0]!]!, LINEAR_LUT[med[1]!]!, LINEAR_LUT[med[2]!]!);
  const b = linearRgbToLab(LINEAR_LUT[bg[0]]!, LINEAR_LUT[bg[1]]!, LINEAR_LUT[bg[2]]!);
  return deltaE2000(...a, ...b);
}
