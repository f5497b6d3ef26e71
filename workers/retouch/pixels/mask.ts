// Binary masks (Uint8Array of 0/1): dilation and erosion by a square, bounding boxes.
import type { Box } from "../types";
import { boxMean } from "./box-mean";
import { labelComponents } from "./components";

// Binary dilation by a (2r+1)² square, clamped at the borders: 1 where a set pixel lies within
// Chebyshev distance r. This is exactly boxMean(mask) > 0 (a window holds a set pixel or it does
// not). Each horizontal run of set pixels stamps its grown rectangle with TypedArray.fill (a native
// memset): the masks are a few runs per row, and running counts over every pixel of the crop in both
// directions took ~1.5 ms per dilation at 4 MP.

/** 1 where any pixel of `mask` (0/1) lies within Chebyshev distance r (inside the image). */
export function dilate(mask: Uint8Array, w: number, h: number, r: number): Uint8Array {
  if (r <= 0) return mask.slice(0, w * h);
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) stampRow(mask, out, y, w, h, r);
  return out;
}

/** Runs of row y, each stamped grown by r (one flat loop per row: V8 optimises it early). */
function stampRow(mask: Uint8Array, out: Uint8Array, y: number, w: number, h: number, r: number): void {
  const row = y * w;
  let start = -1;
  for (let x = 0; x <= w; x++) {
    if (x < w && mask[row + x]) {
      if (start < 0) start = x;
    } else if (start >= 0) {
      stamp(out, w, h, y, start, x, r);
      start = -1;
    }
  }
}

function stamp(out: Uint8Array, w: number, h: number, y: number, a: number, b: number, r: number): void {
  const xa = a - r > 0 ? a - r : 0;
  const xb = b + r < w ? b + r : w;
  const yb = y + r < h - 1 ? y + r : h - 1;
  for (let yy = y - r > 0 ? y - r : 0; yy <= yb; yy++) out.fill(1, yy * w + xa, yy * w + xb);
}

/** Square erosion (all pixels within r set). */
export function erode(mask: Uint8Array, width: number, height: number, r: number): Uint8Array {
  const f = new Float32Array(mask.length);
  for (let i = 0; i < mask.length; i++) f[i] = mask[i]!;
  const m = boxMean(f, width, height, r);
  const out = new Uint8Array(mask.length);
  for (let i = 0; i < out.length; i++) out[i] = m[i]! > 1 - 1e-5 ? 1 : 0;
  return out;
}

export function maskBox(mask: Uint8Array, width: number, height: number): Box | null {
  let x0 = width;
  let y0 = height;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < height; y++) {
    const o = y * width;
    for (let x = 0; x < width; x++) {
      if (mask[o + x]) {
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        y1 = y;
      }
    }
  }
  return x1 < 0 ? null : { x: x0, y: y0, w: x1 - x0 + 1, h: y1 - y0 + 1 };
}

/**
 * The thick parts of `mask`: the components of its erosion by r with at least minArea pixels, grown
 * back by r over the mask (a morphological opening that drops thin strands and small specks whole).
 * null when none is left.
 */
export function thickPatches(mask: Uint8Array, w: number, h: number, r: number, minArea: number): Uint8Array | null {
  const { label, comps } = labelComponents(erode(mask, w, h, r), w, h, minArea);
  if (!comps.length) return null;
  const thick = new Set(comps.map((c) => c.id));
  const seeds = new Uint8Array(mask.length);
  for (let i = 0; i < seeds.length; i++) if (thick.has(label[i]!)) seeds[i] = 1;
  const grown = dilate(seeds, w, h, r);
  for (let i = 0; i < grown.length; i++) grown[i] = grown[i] && mask[i] ? 1 : 0;
  return grown;
}
