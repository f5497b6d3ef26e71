// The photo and its final alpha on one coarse grid (~300 px on the long side): CIELAB colour and
// mean α per cell. The kept-prop check reasons about regions (islands of the cutout, large smooth
// parts), and at this scale a region of a few hundred cells is read in well under a millisecond.
import type { Box, Plane } from "../types";
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

/**
 * `work` (the matte's reduced photo) and `alpha` (W×H, the final alpha) on the coarse grid; `box`: where
 * α may be non-zero (null: anywhere).
 */
export function coarseCutout(work: WorkImage, alpha: Plane, box: Box | null = null): CoarseCutout {
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
  // α per cell: the mean of the full-resolution pixels whose centre falls in the cell. Only `box` is
  // summed (α = 0 outside it); how many pixels each cell holds follows from the grid alone.
  const W = alpha.width;
  const H = alpha.height;
  const sx = W / w;
  const sy = H / h;
  const sum = new Float64Array(n);
  const cx = new Int32Array(W);
  const perCol = new Float64Array(w);
  const perRow = new Float64Array(h);
  for (let x = 0; x < W; x++) perCol[(cx[x] = Math.min(w - 1, Math.floor((x + 0.5) / sx)))]!++;
  const cy = (y: number) => Math.min(h - 1, Math.floor((y + 0.5) / sy));
  for (let y = 0; y < H; y++) perRow[cy(y)]!++;
  const within = box ?? { x: 0, y: 0, w: W, h: H };
  for (let y = within.y; y < within.y + within.h; y++) {
    const row = cy(y) * w;
    const o = y * W;
    for (let x = within.x; x < within.x + within.w; x++) sum[row + cx[x]!] += alpha.data[o + x]!;
  }
  const count = (i: number) => perRow[(i / w) | 0]! * perCol[i % w]!;
  const a = new Float32Array(n);
  for (let i = 0; i < n; i++) a[i] = count(i) ? sum[i]! / count(i) : 0;
  return { w, h, sx, sy, lab, alpha: a };
}
