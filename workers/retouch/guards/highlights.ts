// Specular highlights ("sparkle") as points: a local luminance maximum that stands clearly above its
// surroundings (peak > 1.15 × the mean around it, the definition docs/measures.md uses) and is bright.
// Their excess over the surroundings is the sparkle energy the eye sees.
import { boxMeanOverPair } from "./box-pair";
import { scratchOf, type ScratchSlot } from "../pixels/scratch";

export interface Peak {
  i: number;
  excess: number;
}

export interface PeakField {
  Y: Float32Array;
  surround: Float32Array;
  /** The lower of the 13×13 surround and a wider one (set when peakFields got `big`). */
  wide?: PeakField;
}

/**
 * The peak fields of both images (expected and after) with the same matte weights. Surroundings:
 * mean over a 13×13 window (a glint is a few pixels across at working scale). On a large piece a
 * catchlight can be wider than that window and would stand above nothing: `big` (a wider radius and
 * its matte mean) adds `wide` fields whose surround is the lower of the two.
 */
export function peakFields(
  Ye: Float32Array,
  Ya: Float32Array,
  w: number,
  h: number,
  weight: Float32Array,
  den1: Float32Array,
  den6: Float32Array,
  big?: { r: number; den: Float32Array },
): [PeakField, PeakField] {
  // The peak is read on a 3×3 mean: a highlight is a few pixels wide, while single-pixel noise
  // (and its removal by an honest denoise or JPEG) is not sparkle. Both means are weighted by the
  // matte (den = boxMean of the matte), so a piece's rim is compared with the piece and not with the
  // backdrop, which the retouch replaces (a bright rim on black would otherwise "lose" its sparkle
  // on white).
  const ve = weighted(Ye, weight, "guards.weighted");
  const va = weighted(Ya, weight, "guards.weightedB");
  const [ye, ya] = boxMeanOverPair(ve, va, den1, w, h, 1);
  const [se, sa] = boxMeanOverPair(ve, va, den6, w, h, 6);
  const e: PeakField = { Y: ye, surround: se };
  const a: PeakField = { Y: ya, surround: sa };
  if (big) {
    const [be, ba] = boxMeanOverPair(ve, va, big.den, w, h, big.r);
    e.wide = { Y: ye, surround: lowerOf(se, be) };
    a.wide = { Y: ya, surround: lowerOf(sa, ba) };
  }
  return [e, a];
}

/** min(a, b) per pixel, into b. */
function lowerOf(a: Float32Array, b: Float32Array): Float32Array {
  for (let i = 0; i < a.length; i++) if (a[i]! < b[i]!) b[i] = a[i]!;
  return b;
}

/** v·weight, in float32 (a temporary in the given scratch slot). */
function weighted(v: Float32Array, weight: Float32Array, slot: ScratchSlot): Float32Array {
  const vw = scratchOf(slot, Float32Array, v.length);
  for (let i = 0; i < v.length; i++) vw[i] = v[i]! * weight[i]!;
  return vw;
}

/** Peaks inside `mask` with Y > ratio × surround and Y ≥ yMin; one per 7×7 neighbourhood. */
export function findPeaks(f: PeakField, w: number, h: number, mask: Uint8Array, ratio: number, yMin: number): Peak[] {
  const cand: Peak[] = [];
  for (let i = 0; i < f.Y.length; i++) {
    if (!mask[i]) continue;
    const y = f.Y[i]!;
    if (y < yMin || y <= ratio * f.surround[i]! || !isLocalMax(f.Y, w, h, i, y)) continue;
    cand.push({ i, excess: y - f.surround[i]! });
  }
  cand.sort((a, b) => b.excess - a.excess);
  const taken = new Uint8Array(w * h);
  const out: Peak[] = [];
  for (const p of cand) {
    if (taken[p.i]) continue;
    out.push(p);
    take(taken, w, h, p.i);
  }
  return out;
}

/** Marks the 7×7 neighbourhood of pixel i (its own function: nested loops in a once-per-image function deoptimise). */
function take(taken: Uint8Array, w: number, h: number, i: number): void {
  const px = i % w;
  const py = (i - px) / w;
  for (let y = Math.max(0, py - 3); y <= Math.min(h - 1, py + 3); y++)
    for (let x = Math.max(0, px - 3); x <= Math.min(w - 1, px + 3); x++) taken[y * w + x] = 1;
}

/** No value in the 5×5 window around pixel i exceeds y (a max filter, read only where needed). */
function isLocalMax(Y: Float32Array, w: number, h: number, i: number, y: number): boolean {
  const px = i % w;
  const py = (i - px) / w;
  const xa = Math.max(0, px - 2);
  const xb = Math.min(w - 1, px + 2);
  for (let yy = Math.max(0, py - 2); yy <= Math.min(h - 1, py + 2); yy++)
    for (let x = xa; x <= xb; x++) if (Y[yy * w + x]! > y) return false;
  return true;
}

/** Largest excess over the surroundings within radius r of pixel i (0 when none). */
export function excessNear(f: PeakField, w: number, h: number, i: number, r: number): number {
  const px = i % w;
  const py = (i - px) / w;
  let m = 0;
  for (let y = Math.max(0, py - r); y <= Math.min(h - 1, py + r); y++)
    for (let x = Math.max(0, px - r); x <= Math.min(w - 1, px + r); x++) {
      const j = y * w + x;
      const e = f.Y[j]! - f.surround[j]!;
      if (e > m) m = e;
    }
  return m;
}
