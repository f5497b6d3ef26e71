// A painted star's rays, for SPARKLE_ADDED. A star or cross glint (a "sparkle" brush, a star filter's
// effect) is a bright core with thin rays along two perpendicular axes, + or ×. Where such a peak sits
// beside a gap, on a rim or on a glint the original already had, the other tests of sparkle-added.ts
// cannot tell it from the studio seen through the gap or from a kept glint: their numbers are the
// same (independent cutouts, cal half: the rise, the local swap and the original's level of the
// star peaks beside gaps and of the honest gaps' own peaks overlap). The rays tell them apart: along
// the four rays of one axis set the result rose over the original, between them it did not. The
// studio seen through a gap rises in every direction the gap reaches, or along one line (a slot
// between links), never along two perpendicular lines and not between them.
// Weak: a star on a thin chain sends its rays off the piece, where they are not read (chain_daychuyen4
// on all five surfaces is still missed, test half); the rays are read 4–9 working px out, so a star
// much smaller than ~15 px at the check's scale has too little ray to read; a real cross-shaped
// brightening (a removed prop uncovering a cross of bright metal) would read as a star.
import type { GuardContext } from "./context";
import type { SparkleAnalysis } from "./sparkle";

/** The stretch of each ray that is read (working px from the peak): past the core's glow, within a 20–30 px star. */
const RAY_FROM = 4;
const RAY_TO = 9;
/**
 * Each ray of one set rose by at least RAY_MIN_RISE (linear Y, mean along the ray) and by RAY_CONTRAST
 * times the most the other set rose. Independent cutouts, cal half (`report.ts 0 --cutout --half cal`,
 * scratch dump of every peak's rays): the stars the other tests missed score 2.0–23 (the lowest of
 * their set's rays over the highest of the other's), honest peaks with a set at ≥ 0.06 at most 1.0.
 */
const RAY_MIN_RISE = 0.06;
const RAY_CONTRAST = 2;

/** The eight directions: the + set (0–3), then the × set (4–7). */
const DIRS: ReadonlyArray<readonly [number, number]> = [
  [1, 0],
  [0, 1],
  [-1, 0],
  [0, -1],
  [Math.SQRT1_2, Math.SQRT1_2],
  [-Math.SQRT1_2, Math.SQRT1_2],
  [-Math.SQRT1_2, -Math.SQRT1_2],
  [Math.SQRT1_2, -Math.SQRT1_2],
];

/**
 * The result's rise over the original (at the piece's exposure `lift`) along one ray from pixel i,
 * averaged over RAY_FROM–RAY_TO: at each step the highest of the pixel on the ray and its two
 * neighbours across (a peak a pixel off the star's centre still meets its rays). Only the piece's
 * pixels are read: a ray crossing onto the background, where the swap to the studio lifts everything,
 * says nothing. NaN when fewer than three steps are on the piece.
 */
function rayRise(
  ctx: GuardContext,
  s: SparkleAnalysis,
  i: number,
  dir: readonly [number, number],
  lift: number,
): number {
  const { w, h, afterY, expectedY } = ctx.work;
  const [dx, dy] = dir;
  const x0 = i % w;
  const y0 = (i - x0) / w;
  let sum = 0;
  let n = 0;
  for (let r = RAY_FROM; r <= RAY_TO; r++) {
    let best = -Infinity;
    for (let o = -1; o <= 1; o++) {
      const x = Math.round(x0 + dx * r - dy * o);
      const y = Math.round(y0 + dy * r + dx * o);
      if (x < 0 || y < 0 || x >= w || y >= h) continue;
      const j = y * w + x;
      if (s.pieceMask[j]) best = Math.max(best, afterY[j]! - lift * expectedY[j]!);
    }
    if (best > -Infinity) {
      sum += best;
      n++;
    }
  }
  return n >= 3 ? sum / n : NaN;
}

/** Whether the peak at pixel i has a painted star's rays (at least three rays of one set and two of the other read). */
export function starRays(ctx: GuardContext, s: SparkleAnalysis, i: number, lift: number): boolean {
  const rays = DIRS.map((d) => rayRise(ctx, s, i, d, lift));
  for (const set of [0, 4]) {
    const own = rays.slice(set, set + 4).filter((v) => !Number.isNaN(v));
    const other = rays.slice(4 - set, 8 - set).filter((v) => !Number.isNaN(v));
    if (own.length < 3 || other.length < 2) continue;
    const low = Math.min(...own);
    if (low >= RAY_MIN_RISE && low >= RAY_CONTRAST * Math.max(...other, 0)) return true;
  }
  return false;
}
