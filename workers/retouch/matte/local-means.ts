// Local colours on either side of the edge, from the work image: the mean linear colour of
// confidently-opaque pixels (the piece's F) or confidently-clear pixels (the surface's B) nearby, at
// the finer of two scales that has any — a coarse multi-level estimate in the spirit of Germer et
// al. 2020. The surface side also keeps its local spread, which says whether B can be trusted there.
import { boxMean } from "../pixels/box-mean";
import { sample, type WorkImage } from "../pixels/work-image";

export interface LocalMean {
  /** Grid of the planes: half the work image (the statistics are smooth; 4× fewer pixels). */
  width: number;
  height: number;
  /** Grid pixels per work pixel. */
  scale: number;
  /** Linear RGB planes; NaN where no qualifying pixel was found at any scale. */
  rgb: [Float32Array, Float32Array, Float32Array];
  /** Per-channel RMS spread around the mean (linear), same grid. */
  spread: Float32Array;
}

/**
 * 2×2 box reduction of the masked sums (mask, mask·rgb, mask·|rgb|²/3), the mask being "the network
 * is sure this is piece" (fg) or "… is surface" (bg), tested inline rather than materialised.
 * w = ⌊W/2⌋, so the 2×2 cell never reaches past the work image.
 */
function reduce(work: WorkImage, prob: Float32Array, side: "fg" | "bg") {
  const W = work.width;
  const w = Math.max(1, W >> 1);
  const h = Math.max(1, work.height >> 1);
  const n = w * h;
  const m = new Float32Array(n);
  const weighted = [new Float32Array(n), new Float32Array(n), new Float32Array(n)];
  const sq = new Float32Array(n);
  const [R, G, B] = work.linear;
  const fg = side === "fg";
  for (let y = 0; y < h; y++) {
    const yy = Math.min(work.height - 1, 2 * y);
    for (let x = 0; x < w; x++) {
      let cnt = 0;
      let sr = 0;
      let sg = 0;
      let sb = 0;
      let ss = 0;
      for (let dy = 0; dy < 2; dy++) {
        const row = Math.min(work.height - 1, yy + dy) * W + Math.min(W - 1, 2 * x);
        for (let dx = 0; dx < 2 && 2 * x + dx < W; dx++) {
          const j = row + dx;
          const p = prob[j]!;
          if (fg ? !(p > 0.97) : !(p < 0.03)) continue;
          const r = R[j]!;
          const g = G[j]!;
          const b = B[j]!;
          cnt++;
          sr += r;
          sg += g;
          sb += b;
          ss += (r * r + g * g + b * b) / 3;
        }
      }
      if (!cnt) continue;
      const i = y * w + x;
      m[i] = cnt / 4;
      weighted[0]![i] = sr / 4;
      weighted[1]![i] = sg / 4;
      weighted[2]![i] = sb / 4;
      sq[i] = ss / 4;
    }
  }
  return { w, h, m, weighted, sq };
}

/**
 * Window radii (half-work pixels at a 1536-px work image) tried in turn: near (the edge's own
 * neighbourhood) and far (thin parts far from any solid area).
 */
export const EDGE_LEVELS = [3, 18] as const;

function localMean(work: WorkImage, prob: Float32Array, side: "fg" | "bg", levels: readonly number[]): LocalMean {
  const { w, h, m, weighted, sq } = reduce(work, prob, side);
  const n = w * h;
  const rgb: LocalMean["rgb"] = [
    new Float32Array(n).fill(NaN),
    new Float32Array(n).fill(NaN),
    new Float32Array(n).fill(NaN),
  ];
  const spread = new Float32Array(n).fill(NaN);
  const scale = Math.max(work.width, work.height) / 1536;
  for (const r of levels.map((x) => Math.max(1, Math.round(x * scale)))) {
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
  return { width: w, height: h, scale: w / work.width, rgb, spread };
}

/** Bilinear sample of a local-mean plane at work-image coordinates (u, v). */
export function sampleLocal(lm: LocalMean, plane: Float32Array, u: number, v: number): number {
  return sample(plane, lm.width, lm.height, (u + 0.5) * lm.scale - 0.5, (v + 0.5) * lm.scale - 0.5);
}

export function foregroundMean(
  work: WorkImage,
  prob: Float32Array,
  levels: readonly number[] = EDGE_LEVELS,
): LocalMean {
  return localMean(work, prob, "fg", levels);
}

export function backgroundMean(
  work: WorkImage,
  prob: Float32Array,
  levels: readonly number[] = EDGE_LEVELS,
): LocalMean {
  return localMean(work, prob, "bg", levels);
}
