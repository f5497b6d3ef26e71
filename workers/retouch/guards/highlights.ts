// Specular highlights ("sparkle") as points: a local luminance maximum that stands clearly above its
// surroundings (peak > 1.15 × the mean around it, the definition docs/measures.md uses) and is bright.
// Their excess over the surroundings is the sparkle energy the eye sees.
import { luminance } from "../color";
import { boxMean } from "./filters";

export interface Peak {
  i: number;
  excess: number;
}

export function luminancePlane(lin: Float32Array): Float32Array {
  const n = lin.length / 3;
  const y = new Float32Array(n);
  for (let i = 0, o = 0; i < n; i++, o += 3) y[i] = luminance(lin[o]!, lin[o + 1]!, lin[o + 2]!);
  return y;
}

function maxFilter(src: Float32Array, w: number, h: number, r: number): Float32Array {
  const tmp = new Float32Array(w * h);
  const out = new Float32Array(w * h);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      let m = -Infinity;
      for (let k = Math.max(0, x - r); k <= Math.min(w - 1, x + r); k++) m = Math.max(m, src[y * w + k]!);
      tmp[y * w + x] = m;
    }
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      let m = -Infinity;
      for (let k = Math.max(0, y - r); k <= Math.min(h - 1, y + r); k++) m = Math.max(m, tmp[k * w + x]!);
      out[y * w + x] = m;
    }
  return out;
}

export interface PeakField {
  Y: Float32Array;
  surround: Float32Array;
}

/** Surroundings: mean over a 13×13 window (a glint is a few pixels across at working scale). */
export function peakField(Y: Float32Array, w: number, h: number, weight: Float32Array): PeakField {
  // The peak is read on a 3×3 mean: a highlight is a few pixels wide, while single-pixel noise
  // (and its removal by an honest denoise or JPEG) is not sparkle. Both means are weighted by the
  // matte, so a piece's rim is compared with the piece and not with the backdrop, which the retouch
  // replaces (a bright rim on black would otherwise "lose" its sparkle on white).
  return { Y: maskedMean(Y, weight, w, h, 1), surround: maskedMean(Y, weight, w, h, 6) };
}

export function maskedMean(v: Float32Array, weight: Float32Array, w: number, h: number, r: number): Float32Array {
  const vw = new Float32Array(v.length);
  for (let i = 0; i < v.length; i++) vw[i] = v[i]! * weight[i]!;
  const num = boxMean(vw, w, h, r);
  const den = boxMean(weight, w, h, r);
  for (let i = 0; i < num.length; i++) num[i] = den[i]! > 1e-3 ? num[i]! / den[i]! : 0;
  return num;
}

/** Peaks inside `mask` with Y > ratio × surround and Y ≥ yMin; one per 7×7 neighbourhood. */
export function findPeaks(f: PeakField, w: number, h: number, mask: Uint8Array, ratio: number, yMin: number): Peak[] {
  const mx = maxFilter(f.Y, w, h, 2);
  const cand: Peak[] = [];
  for (let i = 0; i < f.Y.length; i++) {
    if (!mask[i]) continue;
    const y = f.Y[i]!;
    if (y < yMin || y < mx[i]! || y <= ratio * f.surround[i]!) continue;
    cand.push({ i, excess: y - f.surround[i]! });
  }
  cand.sort((a, b) => b.excess - a.excess);
  const taken = new Uint8Array(w * h);
  const out: Peak[] = [];
  for (const p of cand) {
    if (taken[p.i]) continue;
    out.push(p);
    const px = p.i % w;
    const py = (p.i - px) / w;
    for (let y = Math.max(0, py - 3); y <= Math.min(h - 1, py + 3); y++)
      for (let x = Math.max(0, px - 3); x <= Math.min(w - 1, px + 3); x++) taken[y * w + x] = 1;
  }
  return out;
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
