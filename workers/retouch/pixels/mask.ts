// Binary masks (Uint8Array of 0/1): dilation and erosion by a square, bounding boxes.
import type { Box } from "../types";
import { boxMean } from "./plane";

/** Square dilation (any set pixel within r) via a box mean: O(1) per pixel whatever r. */
export function dilate(mask: Uint8Array, width: number, height: number, r: number): Uint8Array {
  const f = new Float32Array(mask.length);
  for (let i = 0; i < mask.length; i++) f[i] = mask[i]!;
  const m = boxMean(f, width, height, r);
  const out = new Uint8Array(mask.length);
  for (let i = 0; i < out.length; i++) out[i] = m[i]! > 1e-6 ? 1 : 0;
  return out;
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
