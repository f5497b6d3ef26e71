// Stage 4 — edge colours: estimate the piece's own colour F at partly transparent pixels so the old
// surface does not bleed into the cutout. Where the surface is known, F follows from
// I = αF + (1−α)B; that division amplifies any error in α as α falls, so low-α pixels lean on the
// local piece colour instead.
import type { Box, Image8, Plane } from "../types";
import { LINEAR_LUT, linearToSrgb8 } from "../color";
import type { WorkImage } from "../pixels/work-image";
import type { BackdropModel } from "../backdrop/model";
import { sampleLocal, type LocalMean } from "./local-means";
import { sampleSurface, type SurfaceSample } from "./surface-sample";

/**
 * Returns the cutout: RGBA, straight alpha, same size as the photo. With `within` (a box outside which
 * α = 0), only that box is computed: the rest is clear (0, 0, 0, 0) as allocated.
 */
export function decontaminate(
  img: Image8,
  alpha: Plane,
  work: WorkImage,
  backdrop: BackdropModel,
  fg: LocalMean,
  bg: LocalMean,
  within: Box | null = { x: 0, y: 0, w: img.width, h: img.height },
): Uint8Array {
  const { width: W, height: H, data, channels: ch } = img;
  const out = new Uint8Array(W * H * 4);
  if (!within) return out;
  const A = alpha.data;
  const surf: SurfaceSample = { b: [0, 0, 0], trust: 0, noise: 0 };
  const f = [0, 0, 0];
  for (let y = within.y; y < within.y + within.h; y++) {
    const vn = (y + 0.5) / H;
    const v = (y + 0.5) / work.sy - 0.5;
    for (let x = within.x; x < within.x + within.w; x++) {
      const i = y * W + x;
      const a = A[i]!;
      const o = ch * i;
      const q = 4 * i;
      out[q + 3] = Math.round(a * 255);
      if (a <= 0) continue;
      if (a >= 1) {
        out[q] = data[o]!;
        out[q + 1] = data[o + 1]!;
        out[q + 2] = data[o + 2]!;
        continue;
      }
      const u = (x + 0.5) / work.sx - 0.5;
      const f0 = sampleLocal(fg, fg.rgb[0], u, v);
      const haveF = !Number.isNaN(f0);
      if (haveF) {
        f[0] = f0;
        f[1] = sampleLocal(fg, fg.rgb[1], u, v);
        f[2] = sampleLocal(fg, fg.rgb[2], u, v);
      }
      sampleSurface(bg, backdrop, u, v, (x + 0.5) / W, vn, surf);
      const b = surf.b;
      const trust = surf.trust;
      // λ: weight of the equation's F; needs a trusted surface and enough opacity to divide by.
      const lam = trust * Math.min(1, Math.max(0, (a - 0.1) / 0.5));
      for (let c = 0; c < 3; c++) {
        const I = LINEAR_LUT[data[o + c]!]!;
        let F: number;
        const eq = (I - (1 - a) * b[c]!) / a;
        if (haveF) {
          // Without a trusted surface, blend the pixel toward the local piece colour as α falls.
          const noSurface = a * a * I + (1 - a * a) * f[c]!;
          F = trust > 0 ? lam * eq + (1 - lam) * f[c]! : noSurface;
        } else {
          F = trust > 0 && a > 0.1 ? eq : I;
        }
        out[q + c] = linearToSrgb8(F);
      }
    }
  }
  return out;
}
