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
