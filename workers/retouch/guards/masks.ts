// Masks shared by the guards, all at working resolution.
import { boxMeanPair } from "./box-pair";
import { boxMeanReplicated } from "../pixels/box-mean";

/** Background far from the piece: the matte says background here and within r pixels around. */
export function farBackground(alpha: Float32Array, w: number, h: number, r = 3): Uint8Array {
  const m = boxMeanReplicated(alpha, w, h, r);
  const out = new Uint8Array(w * h);
  for (let i = 0; i < out.length; i++) out[i] = alpha[i]! < 0.02 && m[i]! < 0.01 ? 1 : 0;
  return out;
}

/** The whole-frame coarse view's matte (work.ts's Coarse has it): the masks need no more of it. */
type CoarseMatte = { readonly w: number; readonly h: number; readonly alpha: Float32Array };

const coarseBg = new WeakMap<CoarseMatte, Uint8Array>();

/**
 * farBackground(r = 1) of the whole-frame coarse view, computed once per pair: the gains, the
 * backdrop and studio medians and the halo guard all read it. Callers must not modify it.
 */
export function coarseBackground(c: CoarseMatte): Uint8Array {
  let m = coarseBg.get(c);
  if (!m) coarseBg.set(c, (m = farBackground(c.alpha, c.w, c.h, 1)));
  return m;
}

const means = new WeakMap<Float32Array, Map<number, Float32Array>>();

/** Radii asked for together (sparkle: 1 and 6; interiors: 2 for colour, 3 for edges): one sweep each pair. */
const PARTNER: Record<number, number> = { 1: 6, 6: 1, 2: 3, 3: 2 };

/**
 * boxMeanReplicated of a working matte, computed once per matte and radius: the interior masks, the sparkle
 * weights and the gains all smooth the same matte. The matte must not change afterwards, and callers
 * must not modify the result.
 */
export function matteMean(alpha: Float32Array, w: number, h: number, r: number): Float32Array {
  let byR = means.get(alpha);
  if (!byR) means.set(alpha, (byR = new Map()));
  let m = byR.get(r);
  if (m) return m;
  const p = PARTNER[r];
  if (p !== undefined && !byR.has(p)) {
    const [a, b] = boxMeanPair(alpha, alpha, w, h, r, p);
    byR.set(p, b);
    m = a;
  } else m = boxMeanReplicated(alpha, w, h, r);
  byR.set(r, m);
  return m;
}

const interiors = new WeakMap<Float32Array, Map<number, Uint8Array>>();

/**
 * Piece interior away from its outline: edge pixels mix piece and backdrop and would bias means.
 * Cached per matte and radius like matteMean (read-only for callers).
 */
export function pieceInterior(alpha: Float32Array, w: number, h: number, r = 2): Uint8Array {
  let byR = interiors.get(alpha);
  if (!byR) interiors.set(alpha, (byR = new Map()));
  let out = byR.get(r);
  if (out) return out;
  const m = matteMean(alpha, w, h, r);
  out = new Uint8Array(w * h);
  for (let i = 0; i < out.length; i += w) interiorRow(alpha, m, out, i, Math.min(out.length, i + w));
  byR.set(r, out);
  return out;
}

/** Row kernel (V8 optimises per-row functions within the first image, see filters.ts). */
function interiorRow(alpha: Float32Array, m: Float32Array, out: Uint8Array, from: number, to: number): void {
  for (let i = from; i < to; i++) out[i] = alpha[i]! >= 0.95 && m[i]! >= 0.95 ? 1 : 0;
}

/** 1 where v ≠ 0 (NaN counts as 0). */
export function nonZero(v: Float32Array): Uint8Array {
  const out = new Uint8Array(v.length);
  for (let i = 0; i < v.length; i++) out[i] = v[i] ? 1 : 0;
  return out;
}

export function count(mask: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < mask.length; i++) n += mask[i]!;
  return n;
}

/** Bounding box of a mask, in working pixels, or null when empty. */
export function maskBox(
  mask: Uint8Array,
  w: number,
  h: number,
): { x0: number; y0: number; x1: number; y1: number } | null {
  let x0 = w;
  let y0 = h;
  let x1 = -1;
  let y1 = -1;
  // One flat loop (nested loops in a function called a few times per image deoptimise, see filters.ts).
  for (let i = 0, x = 0, y = 0; i < w * h; i++) {
    if (mask[i]) {
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
    if (++x === w) {
      x = 0;
      y++;
    }
  }
  return x1 < 0 ? null : { x0, y0, x1: x1 + 1, y1: y1 + 1 };
}
