// Region means for colour comparison. CIEDE2000 is defined for uniform patches, so the guards compare
// the mean colour of a region (averaged in linear light, i.e. what the eye integrates), never
// per-pixel values. The result is scaled to the expected luminance first: exposure is a global
// choice checked by the batch guards, while a colour cast or hue change is what buyers notice.
import type { Labeled } from "../pixels/components";
import {
  deltaE2000,
  hueAngleDelta,
  labToLch,
  linearRgbToLab,
  linearRgbToOklch,
  luminance,
  metricHueDifference,
} from "../color";

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
  // Chunked: a kernel called per chunk is optimised by V8 within the first image (see filters.ts).
  const acc = new Float64Array(4);
  for (let i = 0; i < mask.length; i += CHUNK) sumMasked(lin, mask, acc, i, Math.min(mask.length, i + CHUNK));
  const n = acc[3]!;
  return n ? { rgb: [acc[0]! / n, acc[1]! / n, acc[2]! / n], n } : { rgb: [0, 0, 0], n: 0 };
}

const CHUNK = 4096;

/** Adds the masked pixels of [from, to) to acc (r, g, b, count), in order. */
function sumMasked(lin: Float32Array, mask: Uint8Array, acc: Float64Array, from: number, to: number): void {
  let r = acc[0]!;
  let g = acc[1]!;
  let b = acc[2]!;
  let n = acc[3]!;
  for (let i = from; i < to; i++) {
    if (!mask[i]) continue;
    const o = i * 3;
    r += lin[o]!;
    g += lin[o + 1]!;
    b += lin[o + 2]!;
    n++;
  }
  acc[0] = r;
  acc[1] = g;
  acc[2] = b;
  acc[3] = n;
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

/**
 * compareRegion for every component of a labelling, in one pass over the label image (one pass per
 * stone over the whole crop, twice, was the cost of a pavé piece). Sums run in raster order per
 * component, as meanLinear's do over that component's mask.
 */
export function compareComponents(expectedLin: Float32Array, afterLin: Float32Array, l: Labeled): RegionComparison[] {
  const slot = new Int32Array((l.comps.at(-1)?.id ?? 0) + 1).fill(-1);
  l.comps.forEach((c, k) => (slot[c.id] = k));
  const se = new Float64Array(l.comps.length * 3);
  const sa = new Float64Array(l.comps.length * 3);
  for (let i = 0; i < l.label.length; i += CHUNK)
    sumComponents(l.label, slot, expectedLin, afterLin, se, sa, i, Math.min(l.label.length, i + CHUNK));
  return l.comps.map((c, k) => {
    const n = c.area;
    return compareMeans(
      [se[k * 3]! / n, se[k * 3 + 1]! / n, se[k * 3 + 2]! / n],
      [sa[k * 3]! / n, sa[k * 3 + 1]! / n, sa[k * 3 + 2]! / n],
      n,
    );
  });
}

function sumComponents(
  label: Int32Array,
  slot: Int32Array,
  expectedLin: Float32Array,
  afterLin: Float32Array,
  se: Float64Array,
  sa: Float64Array,
  from: number,
  to: number,
): void {
  for (let i = from; i < to; i++) {
    const id = label[i]!;
    if (!id || id >= slot.length) continue;
    const k = slot[id]!;
    if (k < 0) continue;
    const o = i * 3;
    se[k * 3] += expectedLin[o]!;
    se[k * 3 + 1] += expectedLin[o + 1]!;
    se[k * 3 + 2] += expectedLin[o + 2]!;
    sa[k * 3] += afterLin[o]!;
    sa[k * 3 + 1] += afterLin[o + 1]!;
    sa[k * 3 + 2] += afterLin[o + 2]!;
  }
}
