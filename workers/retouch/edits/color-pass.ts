// The manual colour pass, in the engine's white-balance terms: von Kries gains in linear light, the
// white balance normalised to unit luminance so exposure alone carries brightness, applied after the
// automatic gains as 8-bit tables. The browser's live
// preview imports this file, so the preview and the worker compute the very same pixels.
import { LINEAR_LUT, linearToSrgb8, luminance } from "../color";
import type { ColorPass } from "./types";

export const EXPOSURE_RANGE = 3;
export const WB_RANGE = 100;
/** log2 of a channel's gain per unit of temperature or tint: ±100 moves red against blue by 2×. */
const STOPS_PER_UNIT = 0.5 / 100;

/** Temperature warms (red up, blue down); tint toward magenta (green down). Unit luminance. */
export function whiteBalanceOf(temperature: number, tint: number): [number, number, number] {
  const r = 2 ** (temperature * STOPS_PER_UNIT);
  const g = 2 ** (-tint * STOPS_PER_UNIT);
  const b = 2 ** (-temperature * STOPS_PER_UNIT);
  const y = luminance(r, g, b);
  return [r / y, g / y, b / y];
}

export function colorPassGains(pass: ColorPass): { exposure: number; whiteBalance: [number, number, number] } {
  return { exposure: 2 ** pass.exposure, whiteBalance: whiteBalanceOf(pass.temperature, pass.tint) };
}

/**
 * Per channel, 8-bit sRGB in → 8-bit sRGB out: a plain gain in linear light, clipped at white. Unlike
 * the automatic gains (which roll off above 0.85 so a correction never adds highlights), a stop here
 * is exactly twice the light: the merchant asked for it, and the guards run again on the result.
 */
export function colorPassTables(pass: ColorPass): [Uint8Array, Uint8Array, Uint8Array] {
  const g = colorPassGains(pass);
  return [0, 1, 2].map((c) => {
    const k = g.exposure * g.whiteBalance[c]!;
    const t = new Uint8Array(256);
    for (let i = 0; i < 256; i++) t[i] = linearToSrgb8(LINEAR_LUT[i]! * k);
    return t;
  }) as [Uint8Array, Uint8Array, Uint8Array];
}

/** In place on interleaved RGB or RGBA (fully transparent pixels are left alone). */
export function applyColorPass(data: Uint8Array | Uint8ClampedArray, channels: 3 | 4, pass: ColorPass): void {
  const [t0, t1, t2] = colorPassTables(pass);
  for (let o = 0; o < data.length; o += channels) {
    if (channels === 4 && data[o + 3] === 0) continue;
    data[o] = t0[data[o]!]!;
    data[o + 1] = t1[data[o + 1]!]!;
    data[o + 2] = t2[data[o + 2]!]!;
  }
}

function clamp(v: number, r: number): number {
  return Math.max(-r, Math.min(r, v));
}

/**
 * The temperature and tint that make an 8-bit sRGB colour neutral ("this is white metal / the
 * backdrop"), rounded to 0.1 and within the sliders' range; exposure is left to the merchant.
 */
export function neutralFrom(rgb: [number, number, number]): { temperature: number; tint: number } {
  const [r, g, b] = rgb.map((v) => Math.max(LINEAR_LUT[Math.max(0, Math.min(255, Math.round(v)))]!, 1e-4)) as [
    number,
    number,
    number,
  ];
  // Gains g_c = 2^(s·u_c): red +T, blue −T, green −M; neutral when log2 r + s·T = log2 b − s·T = log2 g − s·M.
  const x = Math.log2(r);
  const y = Math.log2(g);
  const z = Math.log2(b);
  const t = (z - x) / (2 * STOPS_PER_UNIT);
  const m = (y - x - t * STOPS_PER_UNIT) / STOPS_PER_UNIT;
  const round = (v: number) => Math.round(clamp(v, WB_RANGE) * 10) / 10;
  return { temperature: round(t), tint: round(m) };
}
