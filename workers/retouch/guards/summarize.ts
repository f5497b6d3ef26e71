// What the engine stores per image for the batch guards.
import { linearRgbToLab } from "../color";
import type { Image8 } from "../types";
import type { BatchImageSummary, Gains, GuardInput } from "./input";
import { resolveGains, medianLinear } from "./gains";
import { gradientMagnitude } from "./filters";
import { farBackground, maskBox } from "./masks";
import { resolveThresholds, type ThresholdOverrides } from "./thresholds";
import { labOf, prepareBase, type WorkBase } from "./work";
import { boxMeanReplicated } from "../pixels/box-mean";

export function summarizeForBatch(input: GuardInput, overrides?: ThresholdOverrides): Omit<BatchImageSummary, "id"> {
  const t = resolveThresholds(overrides);
  const base = prepareBase(input.before, input.after, input.alpha, t.workMaxPixels!, t.workLargePixels!);
  return summaryOfWork(base, labOf(base.afterLin).L, input.gains ?? resolveGains(base), input.after);
}

/**
 * The summary from a prepared working view (runGuardsAndSummary passes the guards' own, so the
 * pair is read once): `afterL` is the L* plane of base.afterLin.
 */
export function summaryOfWork(
  base: WorkBase,
  afterL: Float32Array,
  gains: Gains,
  after: Image8,
): Omit<BatchImageSummary, "id"> {
  const { w, h, alpha, scale } = base;
  const c = base.coarse;
  const bgLin = medianLinear(c.afterLin, farBackground(c.alpha, c.w, c.h, 1)) ?? [1, 1, 1];
  const backgroundLab = linearRgbToLab(bgLin[0], bgLin[1], bgLin[2]);

  // Edge score: mean L* gradient across the outline band (0.1 < local alpha mean < 0.9).
  const g = gradientMagnitude(afterL, w, h);
  const band = boxMeanReplicated(alpha, w, h, 1);
  let s = 0;
  let n = 0;
  for (let i = 0; i < g.length; i++) {
    if (band[i]! <= 0.1 || band[i]! >= 0.9) continue;
    s += g[i]!;
    n++;
  }
  const piece = new Uint8Array(w * h);
  for (let i = 0; i < piece.length; i++) piece[i] = alpha[i]! >= 0.5 ? 1 : 0;
  const b = maskBox(piece, w, h);
  const W = after.width;
  const H = after.height;
  const box = b
    ? { x: b.x0 * scale + base.ox, y: b.y0 * scale + base.oy, w: (b.x1 - b.x0) * scale, h: (b.y1 - b.y0) * scale }
    : { x: 0, y: 0, w: W, h: H };
  return {
    exposure: gains.exposure,
    whiteBalance: gains.whiteBalance,
    backgroundLab,
    edgeScore: n ? s / n : 0,
    framing: { box, fill: (box.w * box.h) / (W * H), width: W, height: H },
  };
}
