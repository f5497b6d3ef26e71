// Masks shared by the guards, all at working resolution.
import { boxMean } from "./filters";

/** Background far from the piece: the matte says background here and within r pixels around. */
export function farBackground(alpha: Float32Array, w: number, h: number, r = 3): Uint8Array {
  const m = boxMean(alpha, w, h, r);
  const out = new Uint8Array(w * h);
  for (let i = 0; i < out.length; i++) out[i] = alpha[i]! < 0.02 && m[i]! < 0.01 ? 1 : 0;
  return out;
}

/** Piece interior away from its outline: edge pixels mix piece and backdrop and would bias means. */
export function pieceInterior(alpha: Float32Array, w: number, h: number, r = 2): Uint8Array {
  const m = boxMean(alpha, w, h, r);
  const out = new Uint8Array(w * h);
  for (let i = 0; i < out.length; i++) out[i] = alpha[i]! >= 0.95 && m[i]! >= 0.95 ? 1 : 0;
  return out;
}

/** Dilate a binary mask by a square of radius r. */
export function dilate(mask: Uint8Array, w: number, h: number, r: number): Uint8Array {
  const f = new Float32Array(mask.length);
  for (let i = 0; i < mask.length; i++) f[i] = mask[i]!;
  const m = boxMean(f, w, h, r);
  const out = new Uint8Array(mask.length);
  for (let i = 0; i < out.length; i++) out[i] = m[i]! > 1e-6 ? 1 : 0;
  return out;
}

export function count(mask: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < mask.length; i++) n += mask[i]!;
  return n;
}

/** Bounding box of a mask, in working pixels, or null when empty. */
export function maskBox(mask: Uint8Array, w: number, h: number): { x0: number; y0: number; x1: number; y1: number } | null {
  let x0 = w;
  let y0 = h;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++)
      if (mask[y * w + x]) {
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
      }
  return x1 < 0 ? null : { x0, y0, x1: x1 + 1, y1: y1 + 1 };
}
