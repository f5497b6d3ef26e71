// Dust or the metal's own shading? A pit, an engraved line or a hammer mark on coloured metal is
// the same metal in shadow: darker, with the same chromaticity (ratios of R, G, B) as around it.
// Dust covers the metal with its own colour — grey, brown, blue-grey — and shifts that chromaticity.
// On neutral metal (silver, white gold) the test cannot tell, and says "not shading".
import { LINEAR_LUT } from "../color";
import type { Box } from "../types";

/** Log-chromaticity distance below which a dark blob is the metal's own shading. */
export const SHADING_SHIFT = 0.12;
/** The surroundings must be at least this coloured (log-chromaticity from grey) for the test to apply. */
export const COLOURED_METAL = 0.25;

export function logChroma(r: number, g: number, b: number): [number, number] {
  const e = 1e-3;
  return [Math.log((r + e) / (g + e)), Math.log((b + e) / (g + e))];
}

/**
 * rgba: the full image (W wide); pixels: the blob in a crop of width cw at (bx, by); box: the
 * blob's box in crop coordinates; inner: the crop's interior mask.
 */
export function isShading(
  rgba: Uint8Array,
  W: number,
  pixels: Int32Array,
  cw: number,
  ch: number,
  bx: number,
  by: number,
  box: Box,
  inner: Uint8Array,
): boolean {
  const s = [0, 0, 0];
  for (const p of pixels) {
    const q = 4 * ((by + ((p / cw) | 0)) * W + bx + (p % cw));
    for (let c = 0; c < 3; c++) s[c]! += LINEAR_LUT[rgba[q + c]!]!;
  }
  // The ring: pixels 2–4 px outside the blob's box.
  const r = [0, 0, 0];
  let n = 0;
  for (let y = Math.max(0, box.y - 4); y < Math.min(ch, box.y + box.h + 4); y++)
    for (let x = Math.max(0, box.x - 4); x < Math.min(cw, box.x + box.w + 4); x++) {
      const inBox = x >= box.x - 1 && x < box.x + box.w + 1 && y >= box.y - 1 && y < box.y + box.h + 1;
      if (inBox || !inner[y * cw + x]) continue;
      const q = 4 * ((by + y) * W + bx + x);
      for (let c = 0; c < 3; c++) r[c]! += LINEAR_LUT[rgba[q + c]!]!;
      n++;
    }
  if (n < 8) return false;
  const ring = logChroma(r[0]! / n, r[1]! / n, r[2]! / n);
  if (Math.hypot(ring[0], ring[1]) < COLOURED_METAL) return false;
  const k = pixels.length;
  const blob = logChroma(s[0]! / k, s[1]! / k, s[2]! / k);
  return Math.hypot(blob[0] - ring[0], blob[1] - ring[1]) < SHADING_SHIFT;
}
