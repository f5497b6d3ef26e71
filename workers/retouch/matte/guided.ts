// Colour-guided filter (He, Sun & Tang 2010) returning its linear coefficients, so the matte can be
// evaluated at full resolution as α = a·I + b from coefficients computed on a smaller image
// ("fast guided filter" upsampling). Colour guidance separates a gold prong from a cream sweep of the
// same brightness, which a grey guide cannot.
import type { Box } from "../types";
import { boxMean } from "../pixels/plane";

export interface GuidedCoefficients {
  box: Box;
  a: [Float32Array, Float32Array, Float32Array];
  b: Float32Array;
}

/**
 * guide: three planes (sRGB in [0, 1]) of a width×height image; p: the input to filter, same size.
 * Works on `box` only (the uncertain band's bounds plus the radius).
 */
export function guidedCoefficients(
  guide: [Float32Array, Float32Array, Float32Array],
  p: Float32Array,
  width: number,
  box: Box,
  r: number,
  eps: number,
): GuidedCoefficients {
  const { x: bx, y: by, w, h } = box;
  const n = w * h;
  const crop = (src: Float32Array) => {
    const o = new Float32Array(n);
    for (let y = 0; y < h; y++) o.set(src.subarray((by + y) * width + bx, (by + y) * width + bx + w), y * w);
    return o;
  };
  const I = guide.map(crop) as [Float32Array, Float32Array, Float32Array];
  const P = crop(p);
  // Box means in place (boxMean reads all of its input before writing): every plane below is
  // allocated once, which halves this stage's garbage (~40 box-sized arrays per image before).
  const meanInPlace = (src: Float32Array) => boxMean(src, w, h, r, src);
  const meanOfProduct = (u: Float32Array, v: Float32Array) => {
    const o = new Float32Array(n);
    for (let i = 0; i < n; i++) o[i] = u[i]! * v[i]!;
    return meanInPlace(o);
  };
  const mIp = I.map((c) => meanOfProduct(c, P));
  const rr = meanOfProduct(I[0], I[0]);
  const rg = meanOfProduct(I[0], I[1]);
  const rb = meanOfProduct(I[0], I[2]);
  const gg = meanOfProduct(I[1], I[1]);
  const gb = meanOfProduct(I[1], I[2]);
  const bb = meanOfProduct(I[2], I[2]);
  const mI = I.map(meanInPlace);
  const mP = meanInPlace(P);
  const a0 = new Float32Array(n);
  const a1 = new Float32Array(n);
  const a2 = new Float32Array(n);
  const b = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const m0 = mI[0]![i]!;
    const m1 = mI[1]![i]!;
    const m2 = mI[2]![i]!;
    const mp = mP[i]!;
    const c0 = mIp[0]![i]! - m0 * mp;
    const c1 = mIp[1]![i]! - m1 * mp;
    const c2 = mIp[2]![i]! - m2 * mp;
    // Σ + εU, symmetric 3×3; inverse by cofactors.
    const s00 = rr[i]! - m0 * m0 + eps;
    const s01 = rg[i]! - m0 * m1;
    const s02 = rb[i]! - m0 * m2;
    const s11 = gg[i]! - m1 * m1 + eps;
    const s12 = gb[i]! - m1 * m2;
    const s22 = bb[i]! - m2 * m2 + eps;
    const i00 = s11 * s22 - s12 * s12;
    const i01 = s02 * s12 - s01 * s22;
    const i02 = s01 * s12 - s02 * s11;
    const i11 = s00 * s22 - s02 * s02;
    const i12 = s01 * s02 - s00 * s12;
    const i22 = s00 * s11 - s01 * s01;
    const det = s00 * i00 + s01 * i01 + s02 * i02;
    const inv = det > 1e-18 ? 1 / det : 0;
    const x0 = (i00 * c0 + i01 * c1 + i02 * c2) * inv;
    const x1 = (i01 * c0 + i11 * c1 + i12 * c2) * inv;
    const x2 = (i02 * c0 + i12 * c1 + i22 * c2) * inv;
    a0[i] = x0;
    a1[i] = x1;
    a2[i] = x2;
    b[i] = mp - x0 * m0 - x1 * m1 - x2 * m2;
  }
  return { box, a: [meanInPlace(a0), meanInPlace(a1), meanInPlace(a2)], b: meanInPlace(b) };
}
