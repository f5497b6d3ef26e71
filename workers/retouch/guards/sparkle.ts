// Shared highlight analysis for SPARKLE_LOST and SPARKLE_ADDED (computed once per pair).
import type { GuardContext } from "./context";
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
  const pieceMask = new Uint8Array(w * h);
  for (let i = 0; i < pieceMask.length; i++) pieceMask[i] = alpha[i]! >= 0.5 ? 1 : 0;
  const expected = peakField(luminancePlane(ctx.work.expectedLin), w, h);
  const after = peakField(luminancePlane(ctx.work.afterLin), w, h);
  const ratio = ctx.t.sparklePeakRatio!;
  const res: SparkleAnalysis = {
    expected,
    after,
    expectedPeaks: findPeaks(expected, w, h, ctx.regions.inner, ratio, Y_MIN),
    afterPeaks: findPeaks(after, w, h, ctx.regions.inner, ratio, Y_MIN),
    pieceMask,
  };
  cache.set(ctx, res);
  return res;
}
