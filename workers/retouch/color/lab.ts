// CIELAB under D65 (sRGB's own white), from linear sRGB through CIE XYZ. D65 throughout: mixing
// D50 and D65 alone moves ΔE00 by ~12 % at the 95th percentile (see docs/color-science.md).

/** D65 reference white, Y = 1 (CIE 1931 2°, as used by sRGB). */
export const D65_WHITE: readonly [number, number, number] = [0.95047, 1.0, 1.08883];

const EPS = 216 / 24389; // (6/29)^3: below it the cube root is replaced by a line
const KAPPA = 24389 / 27;

function fInv(t: number): number {
  const t3 = t * t * t;
  return t3 > EPS ? t3 : (116 * t - 16) / KAPPA;
}

/** Relative luminance Y of linear sRGB (Rec. 709 primaries). */
export function luminance(r: number, g: number, b: number): number {
  return 0.2126729 * r + 0.7151522 * g + 0.072175 * b;
}

/**
 * Linear sRGB (0–1) to CIELAB D65 at out[o..o+3), for whole planes. The cube-root branch is written
 * out three times rather than called: V8's mid-tier compiler (which runs the guards for their first
 * several images) inlines one level of calls, and a call per channel boxed every intermediate double
 * (~5× slower).
 */
export function labInto(r: number, g: number, b: number, out: Float32Array | Float64Array, o: number): void {
  const x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / D65_WHITE[0];
  const y = 0.2126729 * r + 0.7151522 * g + 0.072175 * b;
  const z = (0.0193339 * r + 0.119192 * g + 0.9503041 * b) / D65_WHITE[2];
  const fx = x > EPS ? Math.cbrt(x) : (KAPPA * x + 16) / 116;
  const fy = y > EPS ? Math.cbrt(y) : (KAPPA * y + 16) / 116;
  const fz = z > EPS ? Math.cbrt(z) : (KAPPA * z + 16) / 116;
  out[o] = 116 * fy - 16;
  out[o + 1] = 500 * (fx - fy);
  out[o + 2] = 200 * (fy - fz);
}

const one = new Float64Array(3);

/** Linear sRGB (0–1) to CIELAB D65, written into `out` (also returned). */
export function linearRgbToLab(
  r: number,
  g: number,
  b: number,
  out: [number, number, number] = [0, 0, 0],
): [number, number, number] {
  labInto(r, g, b, one, 0);
  out[0] = one[0]!;
  out[1] = one[1]!;
  out[2] = one[2]!;
  return out;
}

/** CIELAB D65 to linear sRGB (may fall outside [0, 1] for out-of-gamut colors). */
export function labToLinearRgb(L: number, a: number, b: number): [number, number, number] {
  const fy = (L + 16) / 116;
  const x = fInv(fy + a / 500) * D65_WHITE[0];
  const y = fInv(fy);
  const z = fInv(fy - b / 200) * D65_WHITE[2];
  return [
    3.2404542 * x - 1.5371385 * y - 0.4985314 * z,
    -0.969266 * x + 1.8760108 * y + 0.041556 * z,
    0.0556434 * x - 0.2040259 * y + 1.0572252 * z,
  ];
}

/** Chroma C*ab and hue angle h in degrees [0, 360). */
export function labToLch(L: number, a: number, b: number): [number, number, number] {
  const c = Math.hypot(a, b);
  let h = (Math.atan2(b, a) * 180) / Math.PI;
  if (h < 0) h += 360;
  return [L, c, h];
}

/** Whether the CIELAB colour at lab[o..o+2] lies within `de` (ΔE76) of `ref`. */
export function labNear(lab: ArrayLike<number>, o: number, ref: readonly number[], de: number): boolean {
  return Math.hypot(lab[o]! - ref[0]!, lab[o + 1]! - ref[1]!, lab[o + 2]! - ref[2]!) <= de;
}
