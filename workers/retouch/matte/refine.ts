// Stage 3 — refine the matte at full resolution, only inside the uncertain band around the
// network's edge. Two estimates meet there:
//  • colour-guided filter of the network map, coefficients from the work image, evaluated per
//    full-resolution pixel (edges follow the real photo, not the 640² map);
//  • the compositing equation I = αF + (1−α)B solved for α by projection, where the surface B is
//    known (smooth fitted model) and differs enough from the local piece colour F.
// Outside the band the network is already certain and its map is snapped to 0/1 (no haze).
import type { Image8, Plane } from "../types";
import { makePlane } from "../pixels/plane";
import { SRGB_TO_LINEAR } from "../pixels/srgb";
import { dilate, maskBox } from "../pixels/mask";
import { sample, type WorkImage } from "../pixels/work-image";
import type { BackdropModel } from "../backdrop/model";
import { guidedCoefficients } from "./guided";
import { sampleLocal, type LocalMean } from "./local-means";
import { sampleSurface, type SurfaceSample } from "./surface-sample";

export interface RefineOptions {
  /** Guided filter radius and regulariser at the 1536-px work scale. */
  radius: number;
  eps: number;
  /** Half-width of the band (work pixels) around the network's uncertain pixels. */
  band: number;
  /** Use the compositing equation where B is known. */
  compositing: boolean;
}

// Measured on fixtures (band MAE vs truth, scripts in bench/engine.ts): 0.5/0.5 → 0.074,
// 0.8/1.2 → ~0.04, 1.0/1.2 → 0.036; the upward limit stays tighter for real shadows.
const DISAGREE_UP = 0.8;
const DISAGREE_DOWN = 1.2;

export const REFINE_DEFAULTS: RefineOptions = { radius: 3, eps: 4e-4, band: 4, compositing: true };

export interface RefinedMatte {
  alpha: Plane;
  /** Share of pixels in the band, and of band pixels where the compositing estimate was used. */
  bandShare: number;
  compositingShare: number;
}

export function refineMatte(
  img: Image8,
  work: WorkImage,
  probWork: Float32Array,
  backdrop: BackdropModel,
  fg: LocalMean,
  bg: LocalMean,
  opts: RefineOptions = REFINE_DEFAULTS,
): RefinedMatte {
  const { width: W, height: H, data, channels: ch } = img;
  const { width: ww, height: wh } = work;
  const scale = Math.max(ww, wh) / 1536;
  const r = Math.max(1, Math.round(opts.radius * scale));
  const unsure = new Uint8Array(ww * wh);
  for (let i = 0; i < unsure.length; i++) unsure[i] = probWork[i]! > 0.03 && probWork[i]! < 0.97 ? 1 : 0;
  const band = dilate(unsure, ww, wh, Math.max(1, Math.round(opts.band * scale)));
  const bb = maskBox(band, ww, wh);
  // Outside the band the map is ~0 or ~1, so the nearest work pixel decides: no full-resolution
  // copy of the map is needed (80 MB and ~0.3 s at 20 MP).
  const alpha = makePlane(W, H);
  const A = alpha.data;
  const colOf = new Int32Array(W);
  for (let x = 0; x < W; x++) colOf[x] = Math.min(ww - 1, Math.floor((x + 0.5) / work.sx));
  for (let y = 0; y < H; y++) {
    const row = Math.min(wh - 1, Math.floor((y + 0.5) / work.sy)) * ww;
    const o = y * W;
    for (let x = 0; x < W; x++) A[o + x] = probWork[row + colOf[x]!]! >= 0.5 ? 1 : 0;
  }
  if (!bb) return { alpha, bandShare: 0, compositingShare: 0 };

  const gx = Math.max(0, bb.x - 2 * r);
  const gy = Math.max(0, bb.y - 2 * r);
  const box = { x: gx, y: gy, w: Math.min(ww, bb.x + bb.w + 2 * r) - gx, h: Math.min(wh, bb.y + bb.h + 2 * r) - gy };
  const coef = guidedCoefficients(work.srgb, probWork, ww, box, r, opts.eps);
  const cw = box.w;
  const chh = box.h;
  const surf: SurfaceSample = { b: [0, 0, 0], trust: 0, noise: 0 };

  let inBand = 0;
  let usedC = 0;
  // Full-res rows/cols covering the work band box.
  const x0 = Math.max(0, Math.floor(box.x * work.sx));
  const x1 = Math.min(W, Math.ceil((box.x + box.w) * work.sx));
  const y0 = Math.max(0, Math.floor(box.y * work.sy));
  const y1 = Math.min(H, Math.ceil((box.y + box.h) * work.sy));
  for (let y = y0; y < y1; y++) {
    const v = (y + 0.5) / work.sy - 0.5;
    const wy = Math.min(wh - 1, Math.max(0, Math.round(v)));
    const vn = (y + 0.5) / H;
    for (let x = x0; x < x1; x++) {
      const u = (x + 0.5) / work.sx - 0.5;
      const wx = Math.min(ww - 1, Math.max(0, Math.round(u)));
      if (!band[wy * ww + wx]) continue;
      inBand++;
      const i = y * W + x;
      const o = ch * i;
      const cu = u - box.x;
      const cv = v - box.y;
      const R = data[o]!;
      const G = data[o + 1]!;
      const Bv = data[o + 2]!;
      let ag =
        sample(coef.a[0], cw, chh, cu, cv) * (R / 255) +
        sample(coef.a[1], cw, chh, cu, cv) * (G / 255) +
        sample(coef.a[2], cw, chh, cu, cv) * (Bv / 255) +
        sample(coef.b, cw, chh, cu, cv);
      ag = ag < 0 ? 0 : ag > 1 ? 1 : ag;
      let a = ag;
      const un = (x + 0.5) / W;
      sampleSurface(bg, backdrop, u, v, un, vn, surf);
      const trust = opts.compositing ? surf.trust : 0;
      const [b0, b1, b2] = surf.b;
      if (trust > 0) {
        const f0 = sampleLocal(fg, fg.rgb[0], u, v);
        if (!Number.isNaN(f0)) {
          const d0 = f0 - b0;
          const d1 = sampleLocal(fg, fg.rgb[1], u, v) - b1;
          const d2 = sampleLocal(fg, fg.rgb[2], u, v) - b2;
          const dd = d0 * d0 + d1 * d1 + d2 * d2;
          const sep = Math.sqrt(dd);
          // Separation in linear units: below ~0.06 the equation is noise-dominated.
          let w = trust * Math.min(1, Math.max(0, (sep - 0.06) / 0.12));
          if (w > 0) {
            const ac =
              ((SRGB_TO_LINEAR[R]! - b0) * d0 + (SRGB_TO_LINEAR[G]! - b1) * d1 + (SRGB_TO_LINEAR[Bv]! - b2) * d2) / dd;
            const acc = ac < 0 ? 0 : ac > 1 ? 1 : ac;
            // Disagreeing estimates keep more of the guided value. Asymmetric: thinning a fat edge
            // is safe, but adding opacity is what a cast shadow on the sweep would also ask for.
            w *= Math.max(0, 1 - Math.abs(acc - ag) / (acc > ag ? DISAGREE_UP : DISAGREE_DOWN));
            a = w * acc + (1 - w) * ag;
            if (w > 0.5) usedC++;
          }
        }
      }
      if (trust > 0 && a < 0.8) {
        // A pixel indistinguishable from the surface behind it is surface: this clears the haze the
        // coarse network leaves in ring holes and around white metal on a white sweep, where the
        // equation above has too little separation to act.
        const e0 = SRGB_TO_LINEAR[R]! - b0;
        const e1 = SRGB_TO_LINEAR[G]! - b1;
        const e2 = SRGB_TO_LINEAR[Bv]! - b2;
        const dB = Math.sqrt((e0 * e0 + e1 * e1 + e2 * e2) / 3);
        const surfaceLike = Math.min(1, Math.max(0, 1 - (dB - surf.noise) / (2 * surf.noise)));
        // Ramped by α: a mostly-opaque pixel that happens to match the sweep (white metal on
        // white) is more likely piece than hole, so the pull fades out toward α = 0.8.
        a *= 1 - trust * surfaceLike * Math.min(1, (0.8 - a) / 0.4);
      }
      A[i] = a < 0.004 ? 0 : a > 0.996 ? 1 : a;
    }
  }
  return { alpha, bandShare: inBand / (W * H), compositingShare: inBand ? usedC / inBand : 0 };
}
