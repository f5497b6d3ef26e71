// Matte integrity against an exact alpha (the cutout issue's measures beyond IoU/MAE/BF):
//  • inner opaque kept — over truth pixels with α = 1 at least 3 px + 0.2 % of the diagonal from any
//    pixel with α < 1, the share where the prediction has α ≥ 0.95 (white stones, pearls, pavé);
//  • seams — neighbouring pixels (4-connected) whose predicted α jumps by more than 0.5 where the
//    truth holds both flat (both 0 or both 1): staircases and cut lines that no true edge explains;
//  • holes — connected regions of the truth with α = 0 that don't touch the frame (ring openings,
//    chain links, filigree gaps) and are at least `minHolePixels` big; one is cut when ≥ 90 % of its
//    pixels come out with α < 0.5.
import type { Plane } from "../types";
import { squaredDistanceTo } from "./distance";
import { labelComponents } from "../pixels/components";

export interface MatteIntegrity {
  /** Share of the truth's inner opaque pixels kept at α ≥ 0.95 (1 when there are none). */
  opaqueKept: number;
  innerOpaque: number;
  /** Jumps > 0.5 inside flat truth regions, per 10⁴ flat neighbour pairs. */
  seamRate: number;
  seams: number;
  holes: number;
  holesCut: number;
}

export function innerOpaqueMask(truth: Plane): Uint8Array {
  const { width: w, height: h, data } = truth;
  const notOpaque = new Uint8Array(data.length);
  for (let i = 0; i < data.length; i++) notOpaque[i] = data[i]! < 1 ? 1 : 0;
  const d = squaredDistanceTo(notOpaque, w, h);
  const r = 3 + 0.002 * Math.hypot(w, h);
  const r2 = r * r;
  const inner = new Uint8Array(data.length);
  for (let i = 0; i < data.length; i++) inner[i] = notOpaque[i] === 0 && d[i]! >= r2 ? 1 : 0;
  return inner;
}

export function matteIntegrity(pred: Plane, truth: Plane, minHolePixels = 64): MatteIntegrity {
  const { width: w, height: h } = truth;
  const p = pred.data;
  const t = truth.data;
  const inner = innerOpaqueMask(truth);
  let n = 0;
  let kept = 0;
  for (let i = 0; i < inner.length; i++)
    if (inner[i]) {
      n++;
      if (p[i]! >= 0.95 - 1e-6) kept++;
    }
  let pairs = 0;
  let seams = 0;
  const flat = (v: number) => v === 0 || v === 1;
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      const ti = t[i]!;
      if (!flat(ti)) continue;
      if (x < w - 1 && t[i + 1] === ti) {
        pairs++;
        if (Math.abs(p[i]! - p[i + 1]!) > 0.5) seams++;
      }
      if (y < h - 1 && t[i + w] === ti) {
        pairs++;
        if (Math.abs(p[i]! - p[i + w]!) > 0.5) seams++;
      }
    }
  const clear = new Uint8Array(t.length);
  for (let i = 0; i < t.length; i++) clear[i] = t[i] === 0 ? 1 : 0;
  const { label: labels, comps } = labelComponents(clear, w, h, 0);
  const count = comps.length;
  const size = new Int32Array(count + 1);
  const low = new Int32Array(count + 1);
  const border = new Uint8Array(count + 1);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      const l = labels[i]!;
      if (!l) continue;
      size[l]!++;
      if (p[i]! < 0.5) low[l]!++;
      if (x === 0 || y === 0 || x === w - 1 || y === h - 1) border[l] = 1;
    }
  let holes = 0;
  let holesCut = 0;
  for (let l = 1; l <= count; l++) {
    if (border[l] || size[l]! < minHolePixels) continue;
    holes++;
    if (low[l]! >= 0.9 * size[l]!) holesCut++;
  }
  return {
    opaqueKept: n ? kept / n : 1,
    innerOpaque: n,
    seamRate: pairs ? (seams / pairs) * 1e4 : 0,
    seams,
    holes,
    holesCut,
  };
}
