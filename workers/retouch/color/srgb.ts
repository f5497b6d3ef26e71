// sRGB transfer function (IEC 61966-2-1): 8-bit code values ↔ linear light. Gains, compositing and the
// guards' colour measures work in linear light; only storage is gamma-encoded. 8-bit values go through
// tables because the stages decode and encode millions of pixels per image and Math.pow per channel
// would dominate their time.

/** sRGB-encoded value in [0, 1] to linear light in [0, 1]. */
export function srgbToLinear(v: number): number {
  return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
}

/** Linear light in [0, 1] to sRGB-encoded [0, 1] (clamped: out-of-gamut values clip like an encoder). */
export function linearToSrgb(v: number): number {
  const c = v < 0 ? 0 : v > 1 ? 1 : v;
  return c <= 0.0031308 ? c * 12.92 : 1.055 * Math.pow(c, 1 / 2.4) - 0.055;
}

/** LINEAR_LUT[byte] = linear light of an 8-bit sRGB code value. */
export const LINEAR_LUT: Float32Array = (() => {
  const t = new Float32Array(256);
  for (let i = 0; i < 256; i++) t[i] = srgbToLinear(i / 255);
  return t;
})();

/** Linear light to an 8-bit sRGB code value, rounded and clamped (exact formula). */
export function linearToByte(v: number): number {
  return Math.round(linearToSrgb(v) * 255);
}

const ENCODE_STEPS = 4096;
// Encoding by a fine table: 4096 steps keep the round-trip error under half a code value.
const ENCODE_LUT: Uint8Array = (() => {
  const t = new Uint8Array(ENCODE_STEPS + 1);
  for (let i = 0; i <= ENCODE_STEPS; i++) t[i] = linearToByte(i / ENCODE_STEPS);
  return t;
})();

/** Linear light in [0, 1] (clamped) → 8-bit sRGB code by table: the encoder of whole images. */
export function linearToSrgb8(v: number): number {
  if (!(v > 0)) return 0;
  if (v >= 1) return 255;
  // A direct 4096-step table is fine enough above ~1e-3; the exact formula covers the darkest values
  // where the table is coarse.
  if (v < 0.004) return linearToByte(v);
  return ENCODE_LUT[Math.round(v * ENCODE_STEPS)]!;
}
