// Shared highlight analysis for SPARKLE_LOST and SPARKLE_ADDED (computed once per pair).
import type { GuardContext } from "./context";
import { matteMean } from "./masks";
import { findPeaks, peakFields, type Peak, type PeakField } from "./highlights";

export interface SparkleAnalysis {
  expected: PeakField;
  after: PeakField;
  expectedPeaks: Peak[];
  afterPeaks: Peak[];
  /**
   * SPARKLE_LOST's view: peaks over the lower of the 13×13 and the piece-sized surround, so a large
   * piece's wide catchlights count. SPARKLE_ADDED keeps the 13×13 one: a painted glint is small.
   */
  expectedWide: PeakField;
  afterWide: PeakField;
  expectedWidePeaks: Peak[];
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
  // The matte's 3×3 mean is also the denominator of both images' 3×3 peak means.
  const den1 = matteMean(alpha, w, h, 1);
  const den6 = matteMean(alpha, w, h, 6);
  const pieceMask = new Uint8Array(w * h);
  for (let i = 0; i < pieceMask.length; i += w) maskRow(alpha, den1, pieceMask, i, i + w);
  const rBig = surroundRadius(ctx.regions.pieceCount);
  const big = rBig > 6 ? { r: rBig, den: matteMean(alpha, w, h, rBig) } : undefined;
  const [expected, after] = peakFields(ctx.work.expectedY, ctx.work.afterY, w, h, alpha, den1, den6, big);
  const ratio = ctx.t.sparklePeakRatio!;
  const expectedPeaks = findPeaks(expected, w, h, pieceMask, ratio, Y_MIN);
  const expectedWide = expected.wide ?? expected;
  const res: SparkleAnalysis = {
    expected,
    after,
    expectedPeaks,
    afterPeaks: findPeaks(after, w, h, pieceMask, ratio, Y_MIN),
    expectedWide,
    afterWide: after.wide ?? after,
    expectedWidePeaks: expected.wide ? findPeaks(expectedWide, w, h, pieceMask, ratio, Y_MIN) : expectedPeaks,
    pieceMask,
  };
  cache.set(ctx, res);
  return res;
}

/**
 * The wider surround's radius: catchlights grow with the piece (a 100-px pendant's are a few pixels,
 * a 300-px one's tens), so the window does too — 6 px up to a piece of ~100² px, at most 24.
 */
export function surroundRadius(pieceCount: number): number {
  return Math.max(6, Math.min(24, Math.round(Math.sqrt(pieceCount) / 16)));
}

/** Row kernel (V8 optimises per-row functions within the first image, see filters.ts). */
function maskRow(alpha: Float32Array, am: Float32Array, out: Uint8Array, from: number, to: number): void {
  for (let i = from; i < to; i++) out[i] = alpha[i]! >= 0.9 && am[i]! >= 0.9 ? 1 : 0;
}
