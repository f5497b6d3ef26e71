// The piece's local colour near each edge: the mean linear colour of confidently-opaque pixels
// nearby, at the finest of three scales that has any (a coarse multi-level estimate in the spirit
// of Germer et al. 2020). Used as F where the compositing equation cannot give it directly.
import { boxMean } from "../pixels/plane";
import type { WorkImage } from "../pixels/work-image";

export interface ForegroundMean {
  width: number;
  height: number;
  /** Linear RGB planes; NaN where no opaque pixel was found at any scale. */
  rgb: [Float32Array, Float32Array, Float32Array];
}

export function foregroundMean(work: WorkImage, prob: Float32Array): ForegroundMean {
  const { width: w, height: h } = work;
  const n = w * h;
  const m = new Float32Array(n);
  for (let i = 0; i < n; i++) m[i] = prob[i]! > 0.97 ? 1 : 0;
  const weighted = work.linear.map((c) => {
    const o = new Float32Array(n);
    for (let i = 0; i < n; i++) o[i] = c[i]! * m[i]!;
    return o;
  });
  const out: ForegroundMean["rgb"] = [new Float32Array(n).fill(NaN), new Float32Array(n).fill(NaN), new Float32Array(n).fill(NaN)];
  const scale = Math.max(w, h) / 1536;
  for (const r of [4, 12, 40].map((x) => Math.max(2, Math.round(x * scale)))) {
    const mm = boxMean(m, w, h, r);
    const sums = weighted.map((c) => boxMean(c, w, h, r));
    for (let i = 0; i < n; i++) {
      if (!Number.isNaN(out[0][i]!) || mm[i]! < 0.02) continue;
      for (let c = 0; c < 3; c++) out[c]![i] = sums[c]![i]! / mm[i]!;
    }
  }
  return { width: w, height: h, rgb: out };
}
