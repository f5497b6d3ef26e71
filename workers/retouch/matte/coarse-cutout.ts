// The photo and its final alpha on one coarse grid (~300 px on the long side): CIELAB colour and
// mean α per cell. The kept-prop check reasons about regions (islands of the cutout, large smooth
// parts), and at this scale a region of a few hundred cells is read in well under a millisecond.
import type { Plane } from "../types";
import type { WorkImage } from "../pixels/work-image";
import { labInto } from "../color";

/** Longer side of the coarse grid, at most. */
export const COARSE_SIDE = 300;

export interface CoarseCutout {
  w: number;
  h: number;
  /** Full-resolution pixels per cell along each axis. */
  sx: number;
  sy: number;
  /** L*, a*, b* of each cell, interleaved. */
  lab: Float32Array;
  /** Mean α of each cell. */
  alpha: Float32Array;
}

/** `work` (the matte's reduced photo) and `alpha` (W×H, the final alpha) on the coarse grid. */
export function coarseCutout(work: WorkImage, alpha: Plane): CoarseCutout {
  const f = Math.max(1, Math.ceil(Math.max(work.width, work.height) / COARSE_SIDE));
  const w = Math.max(1, Math.floor(work.width / f));
  const h = Math.max(1, Math.floor(work.height / f));
  const n = w * h;
  const lab = new Float32Array(n * 3);
  const [r, g, b] = work.linear;
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      let sr = 0;
      let sg = 0;
      let sb = 0;
      for (let dy = 0; dy < f; dy++) {
        const o = (y * f + dy) * work.width + x * f;
        for (let dx = 0; dx < f; dx++) {
          sr += r[o + dx]!;
          sg += g[o + dx]!;
          sb += b[o + dx]!;
        }
      }
      const k = f * f;
      labInto(sr / k, sg / k, sb / k, lab, (y * w + x) * 3);
    }
  // α per cell: the mean of the full-resolution pixels whose centre falls in the cell.
  const W = alpha.width;
  const H = alpha.height;
  const sx = W / w;
  const sy = H / h;
  const sum = new Float64Array(n);
  const count = new Float64Array(n);
  const cx = new Int32Array(W);
  for (let x = 0; x < W; x++) cx[x] = Math.min(w - 1, Math.floor((x + 0.5) / sx));
  for (let y = 0; y < H; y++) {
    const row = Math.min(h - 1, Math.floor((y + 0.5) / sy)) * w;
    const o = y * W;
    for (let x = 0; x < W; x++) {
      const c = row + cx[x]!;
      sum[c] += alpha.data[o + x]!;
      count[c]++;
    }
  }
  const a = new Float32Array(n);
  for (let i = 0; i < n; i++) a[i] = count[i]! ? sum[i]! / count[i]! : 0;
  return { w, h, sx, sy, lab, alpha: a };
}
