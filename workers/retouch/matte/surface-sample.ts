// The shooting surface B behind an edge pixel: the local mean of clear surface pixels nearby when
// there are any (follows shading, contact shadows, sweeps a quadratic cannot), else the fitted
// smooth model. Trust comes from how uniform the surface is right there.
import type { BackdropModel } from "../backdrop/model";
import { sampleLocal, type LocalMean } from "./local-means";

export interface SurfaceSample {
  /** Linear RGB of B. */
  b: [number, number, number];
  /** 0..1: how far B can be used in I = αF + (1−α)B here. */
  trust: number;
  /** Noise floor of the surface here (linear, per-channel RMS). */
  noise: number;
}

/** u, v: work-image pixel coordinates; un, vn: normalized [0, 1] frame coordinates. */
export function sampleSurface(
  bg: LocalMean,
  model: BackdropModel,
  u: number,
  v: number,
  un: number,
  vn: number,
  out: SurfaceSample,
): SurfaceSample {
  const b0 = sampleLocal(bg, bg.rgb[0], u, v);
  if (!Number.isNaN(b0)) {
    out.b[0] = b0;
    out.b[1] = sampleLocal(bg, bg.rgb[1], u, v);
    out.b[2] = sampleLocal(bg, bg.rgb[2], u, v);
    const sd = sampleLocal(bg, bg.spread, u, v);
    if (!Number.isNaN(sd)) {
      // A plain sweep's local spread is JPEG noise (~0.005); silk, wood or a busy scene is ≥ 0.04.
      out.trust = Math.min(1, Math.max(0, (0.04 - sd) / 0.025));
      out.noise = Math.max(0.004, 1.5 * sd);
      return out;
    }
  }
  const k = model.coef;
  for (let c = 0; c < 3; c++) {
    const kc = k[c]!;
    out.b[c] = kc[0]! + kc[1]! * un + kc[2]! * vn + kc[3]! * un * un + kc[4]! * un * vn + kc[5]! * vn * vn;
  }
  out.trust = model.trust;
  out.noise = Math.max(0.004, 1.5 * model.residualAbs);
  return out;
}
