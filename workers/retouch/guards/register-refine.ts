// Sub-pixel refinement of a registration by content: the normalised cross-correlation of luminance
// between the result's piece pixels and the original at the mapped positions (gain- and
// offset-free, so the retouch's exposure and white balance do not pull it). Silhouettes give the
// seed; outlines differ by shadows and mattes, so they are a pixel or more off — enough to make every
// glint look "new". A coordinate search over (scale, dx, dy) with halving steps.
import type { Image8 } from "../types";
import { erode } from "../pixels/mask";

export interface Similarity {
  scale: number;
  dx: number;
  dy: number;
}

/** Luminance (Rec. 709 weights) of the encoded values, per pixel. */
function luma(img: Image8): Float32Array {
  const n = img.width * img.height;
  const y = new Float32Array(n);
  const c = img.channels;
  for (let i = 0; i < n; i++)
    y[i] = 0.2126 * img.data[i * c]! + 0.7152 * img.data[i * c + 1]! + 0.0722 * img.data[i * c + 2]!;
  return y;
}

/** Sample positions on the result's piece: its most detailed pixels plus an even spread. */
function samples(
  Ya: Float32Array,
  w: number,
  h: number,
  piece: Float32Array,
  max: number,
  outline: boolean,
): Int32Array {
  // Without `outline`, inside the outline only where enough of it is (a thin chain keeps its
  // outline): an outline pixel mixes the surface in the original and the studio in the result,
  // which on satin, wood or velvet is no longer the same picture up to gain.
  const inner = outline ? null : erodedPiece(piece, w, h, RIM);
  const useInner = inner !== null && count(inner) >= RIM_MIN_PIXELS;
  const grads: number[] = [];
  const idx: number[] = [];
  // The studio background seen through gaps (a chain's links, a bead strand) is not the piece.
  const bg = Ya[0]!;
  for (let y = 2; y < h - 2; y += 1)
    for (let x = 2; x < w - 2; x += 1) {
      const i = y * w + x;
      if (piece[i]! < 0.5 || Math.abs(Ya[i]! - bg) < 12) continue;
      if (useInner && !inner![i]) continue;
      idx.push(i);
      grads.push(Math.abs(Ya[i + 1]! - Ya[i - 1]!) + Math.abs(Ya[i + w]! - Ya[i - w]!));
    }
  if (idx.length <= max) return Int32Array.from(idx);
  // The most detailed half (above the gradient quantile that keeps max / 2), plus an even spread.
  const sorted = Float32Array.from(grads).sort();
  const cut = sorted[Math.max(0, sorted.length - Math.floor(max / 2))]!;
  const out: number[] = [];
  for (let k = 0; k < idx.length && out.length < max / 2; k++) if (grads[k]! > cut) out.push(idx[k]!);
  const stride = Math.max(1, Math.floor(idx.length / (max / 2)));
  for (let k = 0; k < idx.length; k += stride) out.push(idx[k]!);
  return Int32Array.from(out);
}

/**
 * The outline band left out of the samples (px), and the interior pixels needed to leave it out.
 * Loupe's composites of the 52 real photos (`npm run retouch -- ... --size 1024`), registered onto
 * their originals with the content search's seeds (register-search.ts), against each report's
 * `framing` (where the engine placed the piece): within 2 px on 43 of 52 (median 0.4 px) with the
 * outline in the samples, on 46 (median 0.2 px) with a 2-px band left out. Read on the same inside,
 * the correlation rose too (pairs at ≥ 0.9: 24 with the outline in, 36 with a 1-px band left out, 42
 * with 2 px, 41 with 3 px), but the guards compare the outline as well: the trust is read with it
 * (register.ts, nccAt).
 */
const RIM = 2;
const RIM_MIN_PIXELS = 2000;

function count(m: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < m.length; i++) n += m[i]!;
  return n;
}

/** 1 where the piece (≥ 0.5) holds the whole (2r+1)² square around a pixel. */
function erodedPiece(piece: Float32Array, w: number, h: number, r: number): Uint8Array {
  const m = new Uint8Array(w * h);
  for (let i = 0; i < m.length; i++) m[i] = piece[i]! >= 0.5 ? 1 : 0;
  return erode(m, w, h, r);
}

function bilinear(Y: Float32Array, w: number, h: number, x: number, y: number): number {
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  const fx = x - x0;
  const fy = y - y0;
  const i = y0 * w + x0;
  return (Y[i]! * (1 - fx) + Y[i + 1]! * fx) * (1 - fy) + (Y[i + w]! * (1 - fx) + Y[i + w + 1]! * fx) * fy;
}

function ncc(
  Yb: Float32Array,
  wb: number,
  hb: number,
  Ya: Float32Array,
  wa: number,
  pts: Int32Array,
  p: Similarity,
): number {
  let n = 0;
  let sa = 0;
  let sb = 0;
  let saa = 0;
  let sbb = 0;
  let sab = 0;
  for (let k = 0; k < pts.length; k++) {
    const i = pts[k]!;
    const ax = i % wa;
    const ay = (i - ax) / wa;
    // after = before · scale + d  ⇒  before = (after − d) / scale (pixel centres).
    const bx = (ax + 0.5 - p.dx) / p.scale - 0.5;
    const by = (ay + 0.5 - p.dy) / p.scale - 0.5;
    if (bx < 0 || by < 0 || bx >= wb - 1 || by >= hb - 1) continue;
    const a = Ya[i]!;
    const b = bilinear(Yb, wb, hb, bx, by);
    n++;
    sa += a;
    sb += b;
    saa += a * a;
    sbb += b * b;
    sab += a * b;
  }
  if (n < 0.5 * pts.length || n < 50) return -1;
  const va = saa - (sa * sa) / n;
  const vb = sbb - (sb * sb) / n;
  return va > 0 && vb > 0 ? (sab - (sa * sb) / n) / Math.sqrt(va * vb) : -1;
}

/**
 * A pair read once for matching: both images' luminance and the result's piece samples, inside the
 * outline (for refining) and over the whole piece (for trusting).
 */
export interface ContentPair {
  before: Image8;
  after: Image8;
  Yb: Float32Array;
  Ya: Float32Array;
  inside: Int32Array;
  whole: Int32Array;
}

export function contentPair(before: Image8, after: Image8, afterPiece: Float32Array): ContentPair {
  const Ya = luma(after);
  return {
    before,
    after,
    Yb: luma(before),
    Ya,
    inside: samples(Ya, after.width, after.height, afterPiece, 12000, false),
    whole: samples(Ya, after.width, after.height, afterPiece, 12000, true),
  };
}

/**
 * The correlation of the piece's luminance under a similarity (no search), over the whole piece,
 * its outline included: what the guards compare pixel for pixel (halos, glints and bites live on
 * the outline), so what says whether the pair can be compared at all.
 */
export function nccAt(c: ContentPair, p: Similarity): number {
  return ncc(c.Yb, c.before.width, c.before.height, c.Ya, c.after.width, c.whole, p);
}

/** Refines `seed` (after = before · scale + (dx, dy)); returns it with the correlation reached. */
export function refineByContent(c: ContentPair, seed: Similarity): Similarity & { ncc: number } {
  const { before, after } = c;
  const f = (p: Similarity) => ncc(c.Yb, before.width, before.height, c.Ya, after.width, c.inside, p);
  let best = { ...seed, ncc: f(seed) };
  // Steps: 4 % of scale, and shifts of 1 % of the result's larger side, halved down to 0.1 px.
  let ss = 0.04;
  let st = 0.01 * Math.max(after.width, after.height);
  for (let guard = 0; guard < 400 && st > 0.1; guard++) {
    let moved = false;
    for (const [k, d] of [
      ["scale", ss],
      ["dx", st],
      ["dy", st],
    ] as const)
      for (const sgn of [-1, 1]) {
        const p = { ...best };
        if (k === "scale") {
          // Scale about the piece's centre in the result, so scale and shift do not fight.
          const s2 = best.scale * (1 + sgn * d);
          const cx = after.width / 2;
          const cy = after.height / 2;
          p.dx = cx - ((cx - best.dx) * s2) / best.scale;
          p.dy = cy - ((cy - best.dy) * s2) / best.scale;
          p.scale = s2;
        } else p[k] += sgn * d;
        const v = f(p);
        if (v > best.ncc + 1e-6) {
          best = { ...p, ncc: v };
          moved = true;
        }
      }
    if (!moved) {
      ss /= 2;
      st /= 2;
    }
  }
  return best;
}
