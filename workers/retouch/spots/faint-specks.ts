// Faint light specks on neutral metal. A light grey speck (luma ≈ 200–205) on white gold or silver
// (luma 185–195) stands only 9–15 over the metal's median: under the spot search's threshold (BASE
// + 3 × activity, 14–16 beside a stone, where the facets raise the activity), so beside a diamond or
// a sapphire it never became a candidate (dust2 withNearSpecks at 1600 px: 6 of 12 light grey specks
// beside stones missed, none traced). Here a small round blob of pixels a little brighter than their
// median is taken when the spot search judged none of its pixels, it touches no highlight pixel and
// no catchlight, and the metal around it is neutral, smooth and even (ring.ts LIGHT_RING).
import type { Component } from "./components";

/** Least luma − median (8-bit) of a pixel of a faint blob. */
export const FAINT = 5;
/**
 * Least peak (luma − median) of a faint speck. Measured: the near specks taken have peaks 10–16; the
 * two blobs a peak of 8 let through on the 52 real photos (tamar_ring_0339's mottled stone) are 8.
 */
const FAINT_PEAK = 9;
/** Least area (px): one or two pixels over the median are the sensor's noise. */
const FAINT_AREA = 3;
/** Largest side (px), as for light specks on neutral metal (clean.ts NEUTRAL_SIDE). */
const FAINT_SIDE = 8;
/**
 * Most long side over short side. A brushed finish's grain is faint bright streaks 1–3 px wide and
 * 3–8 long (18 taken on the brushed silver fixtures at 1600 px without this bound); the specks taken
 * are 3×3 to 6×5 (ratio ≤ 1.33).
 */
const FAINT_ROUND = 1.5;
/** Most activity (mean |luma − median| around, 8-bit): the specks taken lie at 0.8–1.6. */
const FAINT_ACT = 2;

export interface FaintContext {
  Y: Uint8Array;
  M: Uint8Array;
  /** Pixels the spot search judged (its dark, bright and light candidates). */
  judged: ReadonlySet<number>;
  /** Whether a highlight pixel lies within 2 px. */
  nearHighlight: (x: number, y: number) => boolean;
  /** Whether any pixel within 2 px of the box reaches a catchlight's level. */
  touchesCatchlight: (c: Component) => boolean;
  activityAt: (x: number, y: number) => number;
  /** Whether the ring around the blob is neutral, even metal. */
  onEvenNeutralMetal: (c: Component) => boolean;
}

/** The peak and activity of a faint blob when it is a light speck on neutral metal, else null. */
export function faintSpeckPeak(c: Component, w: number, ctx: FaintContext): { peak: number; act: number } | null {
  const long = Math.max(c.box.w, c.box.h);
  if (c.area < FAINT_AREA || long > FAINT_SIDE || long > FAINT_ROUND * Math.min(c.box.w, c.box.h)) return null;
  let peak = 0;
  for (const p of c.pixels) {
    if (ctx.judged.has(p) || ctx.nearHighlight(p % w, (p / w) | 0)) return null;
    peak = Math.max(peak, ctx.Y[p]! - ctx.M[p]!);
  }
  if (peak < FAINT_PEAK || ctx.touchesCatchlight(c)) return null;
  const p0 = c.pixels[0]!;
  const act = ctx.activityAt(p0 % w, (p0 / w) | 0);
  if (act > FAINT_ACT || !ctx.onEvenNeutralMetal(c)) return null;
  return { peak, act };
}
