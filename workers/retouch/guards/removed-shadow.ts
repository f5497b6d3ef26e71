// What a retoucher removes with the surface: a cast shadow is a darker version of the shooting
// surface, tinted at most by the light a coloured piece bounces into it. Where the result shows its
// studio background over such a patch, the piece lost nothing there (PIECE_AREA_LOST) and the white
// seen through a gap is no new glint (SPARKLE_ADDED). CIELAB, the surface as the original shows it.

/**
 * A removed shadow, not a lost part: darker than the surface by a shadow's amount and tinted at most as
 * much as the light bounced off a coloured piece tints it. Measured on Loupe's composites of the real
 * photos (`bench/guards-labels.ts --check`): the shadows removed under tamar_bracelet_0103/0355/0359 sit
 * at 0.42–0.71 of the surface's lightness with 1–5 ΔE of tint (p90 ≤ 7.4), the warm shadow inside
 * tamar_ring_0339's shank at 0.78–0.86 with 7–9; the crystal facet lost in tamar_earring_0168 is at
 * 0.94 (bright, kept as evidence).
 */
export function removedShadow(
  L: number,
  a: number,
  b: number,
  B: readonly [number, number, number],
  minRatio = SHADOW_MIN_REMOVED,
): boolean {
  if (B[0] < SHADOW_SURFACE_MIN_L) return false;
  const k = Math.max(0, L) / B[0];
  if (k > SHADOW_MAX_RATIO || k < minRatio) return false;
  return Math.hypot(a - B[1] * k, b - B[2] * k) <= SHADOW_TINT_DE;
}

/** Lightness ratio to the surface above which a patch is no shadow (0168's lost facet: 0.94). */
const SHADOW_MAX_RATIO = 0.9;
/**
 * …and under which it is too dark to be taken for a removed cast shadow when it is evidence of a lost
 * part (contact shadows: ≥ 0.4). The check's matte passes 0: where the result shows its studio over
 * a dark, surface-tinted patch, the result has no piece there to compare, whatever the original had.
 */
const SHADOW_MIN_REMOVED = 0.35;
/**
 * Tint a shadow may carry from the piece's reflected light (ΔE a*b* from the scaled surface colour):
 * the green and teal caustics cast by tamar_earring_0170's glass beads reach 12–18 (p90) on Loupe's
 * composite (`bench/guards-labels.ts --check`: its PIECE_AREA_LOST share 0.39 → 0.08, its
 * SPARKLE_ADDED gone); at 20 nothing moved on the independent set (both halves, photos and pendants).
 */
const SHADOW_TINT_DE = 20;
/** Only on light surfaces: on dark ones a cast shadow is invisible and anything darker is piece. */
const SHADOW_SURFACE_MIN_L = 40;
