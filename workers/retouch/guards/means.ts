// Region means for colour comparison. CIEDE2000 is defined for uniform patches, so the guards compare
// the mean colour of a region (averaged in linear light, i.e. what the eye integrates), never
// per-pixel values. The result is scaled to the expected luminance first: exposure is a global
// choice checked by the batch guards, while a colour cast or hue change is what buyers notice.
import { deltaE2000, hueAngleDelta, labToLch, linearRgbToLab, linearRgbToOklch, luminance, metricHueDifference } from "../color";

export interface RegionComparison {
  n: number;
  expectedLab: [number, number, number];
  afterLab: [number, number, number];
  deltaE: number;
  /** Signed metric hue difference ΔH*ab (Lab units). */
  dH: number;
  /** Signed hue-angle change in CIELAB degrees (after − expected). */
  dHueDeg: number;
  /** Signed hue-angle change in OKLCh degrees. */
  dOkHueDeg: number;
  expectedLch: [number, number, number];
  afterLch: [number, number, number];
}

export function meanLinear(lin: Float32Array, mask: Uint8Array): { rgb: [number, number, number]; n: number } {
  let r = 0;
  let g = 0;
  let b = 0;
  let n = 0;
  for (let i = 0; i < mask.length; i++) {
    if (!mask[i]) continue;
    const o = i * 3;
    r += lin[o]!;
    g += lin[o + 1]!;
    b += lin[o + 2]!;
    n++;
  }
  return n ? { rgb: [r / n, g / n, b / n], n } : { rgb: [0, 0, 0], n: 0 };
}

export function compareMeans(e: [number, number, number], a: [number, number, number], n: number): RegionComparison {
  const ye = luminance(e[0], e[1], e[2]);
  const ya = luminance(a[0], a[1], a[2]);
  const k = ya > 1e-6 ? ye / ya : 1;
  const am: [number, number, number] = [a[0] * k, a[1] * k, a[2] * k];
  const le = linearRgbToLab(e[0], e[1], e[2]);
  const la = linearRgbToLab(am[0], am[1], am[2]);
  const oe = linearRgbToOklch(e[0], e[1], e[2]);
  const oa = linearRgbToOklch(am[0], am[1], am[2]);
  let dOk = oa[2] - oe[2];
  if (dOk > 180) dOk -= 360;
  else if (dOk <= -180) dOk += 360;
  return {
    n,
    expectedLab: le,
    afterLab: la,
    deltaE: deltaE2000(le[0], le[1], le[2], la[0], la[1], la[2]),
    dH: metricHueDifference(le[1], le[2], la[1], la[2]),
    dHueDeg: hueAngleDelta(le[1], le[2], la[1], la[2]),
    dOkHueDeg: dOk,
    expectedLch: labToLch(le[0], le[1], le[2]),
    afterLch: labToLch(la[0], la[1], la[2]),
  };
}

export function compareRegion(expectedLin: Float32Array, afterLin: Float32Array, mask: Uint8Array): RegionComparison {
  const e = meanLinear(expectedLin, mask);
  const a = meanLinear(afterLin, mask);
  return compareMeans(e.rgb, a.rgb, e.n);
}
