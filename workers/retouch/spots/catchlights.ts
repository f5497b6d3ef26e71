// The catchlight level: a catchlight (the lamp reflected by metal or a stone) reaches the piece's
// brightest level. Light dust — a spot brighter than its surroundings — is only looked for under it
// (and never where the highlight test protects a bright blob).

/** The piece's bright reference is this quantile of its interior luma. */
const BRIGHT_QUANTILE = 0.999;
/** A bright blob whose peak reaches this share of the bright reference (or 235) is a catchlight. */
const CATCH_SHARE = 0.9;
const CATCH_ABSOLUTE = 235;

/** Luma level from which a bright blob is a catchlight, from a 256-bin histogram of the interior. */
export function catchlightLevel(hist: Uint32Array): number {
  let total = 0;
  for (let v = 0; v < 256; v++) total += hist[v]!;
  if (!total) return CATCH_ABSOLUTE;
  let seen = 0;
  let q = 255;
  for (let v = 0; v < 256; v++) {
    seen += hist[v]!;
    if (seen >= BRIGHT_QUANTILE * total) {
      q = v;
      break;
    }
  }
  return Math.min(CATCH_ABSOLUTE, Math.round(CATCH_SHARE * q));
}

/** Pixels a level must hold (counting down from 255) to be the piece's peak, not a hot pixel. */
const PEAK_PIXELS = 4;

/**
 * The catchlight level for grey light blobs on coloured metal (light-dust.ts): the share CATCH_SHARE
 * of the piece's peak (the brightest level held by PEAK_PIXELS pixels), at most 235. A quantile is not
 * enough there: at 1600 px a dozen light grey specks (luma ≈ 205) outnumber two small catchlights,
 * the 99.9 % quantile falls to the specks' own level and they were all protected (4 of 12 removed).
 * A catchlight reaches the peak; light dust stays well under it (0.62 of near-white in linear light).
 */
export function peakCatchLevel(hist: Uint32Array): number {
  let seen = 0;
  for (let v = 255; v > 0; v--) {
    seen += hist[v]!;
    if (seen >= PEAK_PIXELS) return Math.min(CATCH_ABSOLUTE, Math.round(CATCH_SHARE * v));
  }
  return CATCH_ABSOLUTE;
}
