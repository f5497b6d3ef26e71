// Dust or the metal's own shading? A pit, an engraved line or a hammer mark on coloured metal is
// the same metal in shadow: darker, with the same chromaticity (ratios of R, G, B) as around it.
// Dust covers the metal with its own colour — grey, brown, blue-grey — and shifts that chromaticity.
// On neutral metal (silver, white gold) the test cannot tell, and says "not shading".
import type { Box } from "../types";
import { blobMean, ringMean } from "./ring-mean";
import type { SpotCrop } from "./spot-crop";

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
export function isShading(crop: SpotCrop, pixels: Int32Array, box: Box): boolean {
  const shift = shiftOnColouredMetal(crop, pixels, box);
  return shift !== null && shift < SHADING_SHIFT;
}

/**
 * The blob's log-chromaticity distance from the ring around it when that ring is coloured metal
 * (at least COLOURED_METAL from grey); null on neutral metal or where the ring is off the piece.
 */
export function shiftOnColouredMetal(crop: SpotCrop, pixels: Int32Array, box: Box): number | null {
  const r = ringMean(crop, box);
  if (!r) return null;
  const ring = logChroma(...r);
  if (Math.hypot(ring[0], ring[1]) < COLOURED_METAL) return null;
  const blob = logChroma(...blobMean(crop, pixels));
  return Math.hypot(blob[0] - ring[0], blob[1] - ring[1]);
}
