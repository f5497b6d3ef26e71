// Local colours on either side of the edge, from the work image: the mean linear colour of
// confidently-opaque pixels (the piece's F) or confidently-clear pixels (the surface's B) nearby, at
// the finer of two scales that has any — a coarse multi-level estimate in the spirit of Germer et
// al. 2020. The surface side also keeps its local spread, which says whether B can be trusted there.
import { boxMean } from "../pixels/plane";
import type { WorkImage } from "../pixels/work-image";

export interface LocalMean {
  width: number;
  height: number;
  /** Linear RGB planes; NaN where no qualifying pixel was found at any scale. */
  rgb: [Float32Array, Float32Array, Float32Array];
  /** Per-channel RMS spread around the mean (linear), same grid. */
  spread: Float32Array;
}

function localMean(work: WorkImage, m: Float32Array): LocalMean {
  const { width: w, height: h } = work;
  const n = w * h;
  const weighted = work.linear.map((c) => {
    const o = new Float32Array(n);
    for (let i = 0; i < n; i++) o[i] = c[i]! * m[i]!;
    return o;
  });
  const sq = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    if (!m[i]) continue;
    const r = work.linear[0][i]!;
    const g = work.linear[1][i]!;
    const b = work.linear[2][i]!;
    sq[i] = (r * r + g * g + b * b) / 3;
  }
  const rgb: LocalMean["rgb"] = [new Float32Array(n).fill(NaN), new Float32Array(n).fill(NaN), new Float32Array(n).fill(NaN)];
  const spread = new Float32Array(n).fill(NaN);
  const scale = Math.max(w, h) / 1536;
  // Two levels: near (the edge's own neighbourhood) and far (thin parts far from any solid area).
  for (const r of [5, 36].map((x) => Math.max(2, Math.round(x * scale)))) {
    const mm = boxMean(m, w, h, r);
    const sums = weighted.map((c) => boxMean(c, w, h, r));
    const sqs = boxMean(sq, w, h, r);
    for (let i = 0; i < n; i++) {
      if (!Number.isNaN(rgb[0][i]!) || mm[i]! < 0.02) continue;
      const k = 1 / mm[i]!;
      const r0 = sums[0]![i]! * k;
      const r1 = sums[1]![i]! * k;
      const r2 = sums[2]![i]! * k;
      rgb[0][i] = r0;
      rgb[1][i] = r1;
      rgb[2][i] = r2;
      spread[i] = Math.sqrt(Math.max(0, sqs[i]! * k - (r0 * r0 + r1 * r1 + r2 * r2) / 3));
    }
  }
  return { width: w, height: h, rgb, spread };
}

export function foregroundMean(work: WorkImage, prob: Float32Array): LocalMean {
  const m = new Float32Array(prob.length);
  for (let i = 0; i < m.length; i++) m[i] = prob[i]! > 0.97 ? 1 : 0;
  return localMean(work, m);
}

export function backgroundMean(work: WorkImage, prob: Float32Array): LocalMean {
  const m = new Float32Array(prob.length);
  for (let i = 0; i < m.length; i++) m[i] = prob[i]! < 0.03 ? 1 : 0;
  return localMean(work, m);
}
