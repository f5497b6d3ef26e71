// The original's shooting surface as a smooth field for the check CLI: a sweep or a studio gradient
// runs from light to dark across the frame (cutout-dev's grey scenes: sRGB 214 at the top, 178 at the
// bottom, plus vignetting), so one border median leaves the far side of the gradient 10–20 ΔE00 off
// and the tolerance that covers it swallows white metal and diamonds. The engine's backdrop model
// (a robust quadratic per linear channel, backdrop/model.ts) is fitted to the outer border band where
// it looks like the surface, and each pixel is compared with the field at its own place.
import type { Image8 } from "../types";
import { fitBackdrop, evalModel } from "../backdrop/model";
import { labOf } from "./work";

/**
 * Lab of the fitted surface at each of the w × h coarse pixels. `surfaceLike`: coarse pixels of the
 * border band that look like the surface (the samples; the model keeps ~2 % of the frame away from
 * the rest). Null when the band has too few samples to fit.
 */
export function surfaceField(before: Image8, w: number, h: number, surfaceLike: Uint8Array): Float32Array | null {
  const prob = new Float32Array(w * h);
  let n = 0;
  for (let i = 0; i < prob.length; i++) {
    prob[i] = surfaceLike[i] ? 0 : 1;
    n += surfaceLike[i]!;
  }
  if (n < 0.02 * w * h) return null;
  const model = fitBackdrop(before, { width: w, height: h, data: prob }, [0.5, 0.5]);
  if (model.samples < 50) return null;
  const lin = new Float32Array(w * h * 3);
  const v3 = [0, 0, 0];
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      evalModel(model, (x + 0.5) / w, (y + 0.5) / h, v3);
      const o = (y * w + x) * 3;
      for (let c = 0; c < 3; c++) lin[o + c] = Math.max(0, Math.min(1, v3[c]!));
    }
  return labOf(lin).lab;
}
