// Mean colours of a spot and of the ring around it (the pixels 2–4 px outside its box, on the piece's
// interior), in linear RGB: what the shading, light-dust and neutral-surround tests compare.
import { LINEAR_LUT } from "../color";
import type { Box } from "../types";
import type { SpotCrop } from "./spot-crop";

type Rgb = [number, number, number];

/** Mean of the blob's pixels (indices in a crop of width cw at (bx, by) of the W-wide image). */
export function blobMean(crop: SpotCrop, pixels: Int32Array): Rgb {
  const { rgba, W, cw, bx, by } = crop;
  const s: Rgb = [0, 0, 0];
  for (const p of pixels) {
    const q = 4 * ((by + ((p / cw) | 0)) * W + bx + (p % cw));
    for (let c = 0; c < 3; c++) s[c] += LINEAR_LUT[rgba[q + c]!]!;
  }
  const k = Math.max(1, pixels.length);
  return [s[0] / k, s[1] / k, s[2] / k];
}

/**
 * Calls `fn` for each pixel of the ring 2–4 px outside `box` (crop coordinates) that lies in the crop
 * and on its interior `inner`, row by row: q is the pixel's offset in the full RGBA image. The one
 * definition of "the ring around a spot" that the mean, the ring statistics (ring.ts) and the metal
 * test read.
 */
export function forEachRingPixel(crop: SpotCrop, box: Box, fn: (q: number, x: number, y: number) => void): void {
  const { W, cw, ch, bx, by, inner } = crop;
  for (let y = Math.max(0, box.y - 4); y < Math.min(ch, box.y + box.h + 4); y++)
    for (let x = Math.max(0, box.x - 4); x < Math.min(cw, box.x + box.w + 4); x++) {
      const inBox = x >= box.x - 1 && x < box.x + box.w + 1 && y >= box.y - 1 && y < box.y + box.h + 1;
      if (inBox || !inner[y * cw + x]) continue;
      fn(4 * ((by + y) * W + bx + x), x, y);
    }
}

/** Pixels in the whole ring around `box`, on the piece or not, inside the crop or not. */
export function ringArea(box: Box): number {
  return (box.w + 8) * (box.h + 8) - (box.w + 2) * (box.h + 2);
}

/** Mean of the ring around `box` (forEachRingPixel); null when fewer than 8 of its pixels are on the piece. */
export function ringMean(crop: SpotCrop, box: Box): Rgb | null {
  const { rgba } = crop;
  const r: Rgb = [0, 0, 0];
  let n = 0;
  forEachRingPixel(crop, box, (q) => {
    for (let c = 0; c < 3; c++) r[c] += LINEAR_LUT[rgba[q + c]!]!;
    n++;
  });
  return n < 8 ? null : [r[0] / n, r[1] / n, r[2] / n];
}
