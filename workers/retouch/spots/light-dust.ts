// Light dust on coloured metal: a pale grey speck or fibre on yellow or rose gold is brighter than
// the metal around it (on the dust2 fixtures luma 192–205 against 148–163, up to 1.3 × its median),
// so the highlight test alone would protect it. What tells it from a reflection is its colour: light
// reflected by metal carries the metal's tint until it clips to white, so a bright blob that is not
// touching a clipped core and has lost most of the metal's colour is a grey film on top of it. On
// neutral metal (isNeutralSurround) colour cannot tell; clean.ts then takes only small blobs. In both
// cases the spot's ring must be even metal (ring.ts): by colour, a pale reflection on a glass bead or a
// stone looks the same.
import { LINEAR_LUT } from "../color";
import type { Box } from "../types";
import { blobMean, ringMean } from "./ring-mean";
import { COLOURED_METAL, logChroma } from "./shading";
import type { SpotCrop } from "./spot-crop";

/**
 * Share of the ring's log-chromaticity (distance from grey) that a light blob may keep and still be
 * grey dust, and the most its core (brightest quarter) may keep in absolute terms. Measured: on the dust2 fixtures light grey
 * specks keep 0.02–0.10 of yellow gold's tint (1.27) and 0.18–0.38 of rose gold's (0.71), i.e. at
 * most 0.27; on elorine_bracelet_bracelet5 the bright, paler reflections between gold coils keep
 * only 0.3–0.5 of the deep gold's tint but 0.73–0.99 in absolute terms — they are still gold. The
 * flank of a white catchlight on gold is grey too (≈ 0.18 of the tint): it is told apart by touching
 * the catchlight's clipped core (clean.ts).
 */
export const GREY_SHARE = 0.5;
export const GREY_TINT = 0.3;
/** Most red over green (ln R/G) of a metal's surround. */
export const METAL_RED = 0.8;

/**
 * rgba: the full image (W wide); pixels: the blob in a crop of width cw × ch at (bx, by); box: its
 * box in crop coordinates; inner: the crop's interior mask. True when the ring 2–4 px outside the
 * box is coloured metal and the blob is nearly grey.
 */
export function isGreyOnColouredMetal(crop: SpotCrop, pixels: Int32Array, box: Box): boolean {
  const r = ringMean(crop, box);
  if (!r) return false;
  const ring = logChroma(...r);
  const ringTint = Math.hypot(ring[0], ring[1]);
  // Gold, rose gold and copper: red over green over blue, red at most e^0.8 × green (the fixtures'
  // yellow and rose gold: ln R/G 0.44–0.64). A teal, green or purple surround is a stone, enamel or
  // cord, and a grey blob on it is usually silver wire (tamar_bracelet_0355: 20 wire crossings over
  // teal stones were smeared until this test); red and orange glass beads (ln R/G > 1) carry pale
  // reflections (tamar_bracelet_0358).
  if (ringTint < COLOURED_METAL || ring[0] <= 0 || ring[0] > METAL_RED || ring[1] >= 0) return false;
  const blob = logChroma(...blobMean(crop, pixels));
  return Math.hypot(blob[0], blob[1]) <= GREY_SHARE * ringTint && coreTint(crop, pixels) <= GREY_TINT;
}

/** Tint (log-chromaticity from grey) of the blob's brightest quarter: its core, without the rim blended with the metal. */
function coreTint(crop: SpotCrop, pixels: Int32Array): number {
  const { rgba, W, cw, bx, by } = crop;
  const lin = Array.from(pixels, (p) => {
    const q = 4 * ((by + ((p / cw) | 0)) * W + bx + (p % cw));
    const v = [LINEAR_LUT[rgba[q]!]!, LINEAR_LUT[rgba[q + 1]!]!, LINEAR_LUT[rgba[q + 2]!]!] as const;
    return { v, y: 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2] };
  }).sort((a, b) => b.y - a.y);
  const m = Math.max(1, Math.ceil(lin.length / 4));
  const s = [0, 0, 0];
  for (let i = 0; i < m; i++) for (let c = 0; c < 3; c++) s[c]! += lin[i]!.v[c]!;
  const t = logChroma(s[0]! / m, s[1]! / m, s[2]! / m);
  return Math.hypot(t[0], t[1]);
}

/** Whether the ring 2–4 px outside the box is neutral (silver, white gold, platinum): under COLOURED_METAL. */
export function isNeutralSurround(crop: SpotCrop, box: Box): boolean {
  const r = ringMean(crop, box);
  if (!r) return false;
  const t = logChroma(...r);
  return Math.hypot(t[0], t[1]) < COLOURED_METAL;
}
