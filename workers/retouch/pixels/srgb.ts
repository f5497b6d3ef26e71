// sRGB transfer function: 8-bit code values ↔ linear light. Gains and compositing happen in linear
// light (von Kries, I = αF + (1−α)B); only storage is gamma-encoded.

/** Linear value of each 8-bit sRGB code. */
export const SRGB_TO_LINEAR: Float32Array = (() => {
  const t = new Float32Array(256);
  for (let i = 0; i < 256; i++) {
    const c = i / 255;
    t[i] = c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  }
  return t;
})();

const ENCODE_STEPS = 4096;
// Encoding by a fine table: 4096 steps keep the round-trip error under half a code value.
const LINEAR_TO_SRGB_TABLE: Uint8Array = (() => {
  const t = new Uint8Array(ENCODE_STEPS + 1);
  for (let i = 0; i <= ENCODE_STEPS; i++) t[i] = Math.round(encodeSrgb(i / ENCODE_STEPS) * 255);
  return t;
})();

export function encodeSrgb(v: number): number {
  const c = v <= 0 ? 0 : v >= 1 ? 1 : v;
  return c <= 0.0031308 ? c * 12.92 : 1.055 * Math.pow(c, 1 / 2.4) - 0.055;
}

export function decodeSrgb(v: number): number {
  return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
}

/** Linear light in [0, 1] (clamped) → 8-bit sRGB code. */
export function linearToSrgb8(v: number): number {
  if (!(v > 0)) return 0;
  if (v >= 1) return 255;
  // sqrt-spaced lookup would be finer in the shadows; a direct 4096-step table is enough above ~1e-3
  // and the exact formula covers the darkest values where the table is coarse.
  if (v < 0.004) return Math.round(encodeSrgb(v) * 255);
  return LINEAR_TO_SRGB_TABLE[Math.round(v * ENCODE_STEPS)]!;
}

/** Rec. 709 / sRGB luminance of linear RGB. */
export function luminance(r: number, g: number, b: number): number {
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
