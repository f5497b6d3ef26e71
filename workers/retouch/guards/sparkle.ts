// Shared highlight analysis for SPARKLE_LOST and SPARKLE_ADDED (computed once per pair).
import type { GuardContext } from "./context";
import { boxMean } from "./filters";
import { findPeaks, luminancePlane, peakField, type Peak, type PeakField } from "./highlights";

export interface SparkleAnalysis {
  expected: PeakField;
  after: PeakField;
  expectedPeaks: Peak[];
  afterPeaks: Peak[];
  pieceMask: Uint8Array;
}

const cache = new WeakMap<GuardContext, SparkleAnalysis>();

/** L* 60 ≈ Y 0.28: a glint is bright whatever the exposure (the expected image already has it). */
const Y_MIN = 0.28;

export function sparkleAnalysis(ctx: GuardContext): SparkleAnalysis {
  const hit = cache.get(ctx);
  if (hit) return hit;
  const { w, h, alpha } = ctx.work;
  // Thin pieces (chains, wires) have little "interior": alpha ≥ 0.9 eroded by one pixel instead.
  const am = boxMean(alpha, w, h, 1);
  const pieceMask = new Uint8Array(w * h);
  for (let i = 0; i < pieceMask.length; i++) pieceMask[i] = alpha[i]! >= 0.9 && am[i]! >= 0.9 ? 1 : 0;
  const expected = peakField(luminancePlane(ctx.work.expectedLin), w, h, alpha);
  const after = peakField(luminancePlane(ctx.work.afterLin), w, h, alpha);
  const ratio = ctx.t.sparklePeakRatio!;
  const res: SparkleAnalysis = {
    expected,
    after,
    expectedPeaks: findPeaks(expected, w, h, pieceMask, ratio, Y_MIN),
    afterPeaks: findPeaks(after, w, h, pieceMask, ratio, Y_MIN),
    pieceMask,
  };
  cache.set(ctx, res);
  return res;
}
