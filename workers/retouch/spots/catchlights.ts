// Catchlights versus light dust. Both are brighter than their surroundings; a catchlight (the lamp
// reflected by metal or a stone) reaches the piece's brightest level, light dust (a grey speck on
// darker metal) does not. Bright blobs are grouped into components: those whose peak reaches the
// catchlight level stay protected (with their soft shoulders), the others may be light dust.
import { componentsOf } from "./components";

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

/**
 * Clears from `bright` (a w-wide plane, 1 = bright pixel; `list` its set pixels in raster order)
 * the components whose peak stays under `level`: what is left are the catchlights. Components
 * larger than `maxArea` stay (too large to be dust either way).
 */
export function keepCatchlights(bright: Uint8Array, list: number[], Y: Uint8Array, w: number, level: number, maxArea: number): void {
  for (const c of componentsOf(list, w, maxArea)) {
    if (c.area > maxArea) continue;
    let peak = 0;
    for (const p of c.pixels) peak = Math.max(peak, Y[p]!);
    if (peak < level) for (const p of c.pixels) bright[p] = 0;
  }
}
