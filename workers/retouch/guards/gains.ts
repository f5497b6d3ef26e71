// Gains and surface colours when the caller does not know them (the check CLI, other retouchers).
//
// White balance comes from the backdrop only (never from the piece: a rose-gold piece would be
// "corrected" to white): the per-channel ratio after/before of the far background, or, where the
// result's background is clipped white, the von Kries gains that make the original backdrop neutral.
// Exposure is the median luminance ratio over the piece's unclipped interior: a global exposure
// choice barely moves that median, while every damage the guards look for is local or chromatic.
import { linearRgbToLab, luminance } from "../color";
import { quantileOf } from "../pixels/select";
import type { Gains } from "./input";
import { coarseBackground, pieceInterior } from "./masks";
import type { Coarse, WorkBase } from "./work";

/** Median linear RGB of the masked pixels (sub-sampled to ≤ 20 000 samples). */
export function medianLinear(lin: Float32Array, mask: Uint8Array): [number, number, number] | null {
  let n = 0;
  for (let i = 0; i < mask.length; i++) n += mask[i]!;
  if (n === 0) return null;
  const step = Math.max(1, Math.floor(n / 20000));
  const m = Math.ceil(n / step);
  const r = new Float32Array(m);
  const g = new Float32Array(m);
  const b = new Float32Array(m);
  let k = 0;
  let j = 0;
  for (let i = 0; i < mask.length; i++) {
    if (!mask[i]) continue;
    if (k++ % step) continue;
    r[j] = lin[i * 3]!;
    g[j] = lin[i * 3 + 1]!;
    b[j++] = lin[i * 3 + 2]!;
  }
  return [quantileOf(r, 0.5, j), quantileOf(g, 0.5, j), quantileOf(b, 0.5, j)];
}

/**
 * Grey-world mean over the masked pixels whose channels are all under 0.98 (not clipped), and the
 * share of masked pixels that are clipped (a channel at or above 0.98), in one pass.
 */
export function meanUnclipped(
  lin: Float32Array,
  mask: Uint8Array,
): { mean: [number, number, number]; clipped: number } | null {
  const s = [0, 0, 0];
  let n = 0;
  let all = 0;
  const acc = [0, 0, 0];
  for (let i = 0; i < mask.length; i++) {
    if (!mask[i]) continue;
    const o = i * 3;
    all++;
    acc[0] += lin[o]!;
    acc[1] += lin[o + 1]!;
    acc[2] += lin[o + 2]!;
    if (Math.max(lin[o]!, lin[o + 1]!, lin[o + 2]!) >= 0.98) continue;
    s[0] += lin[o]!;
    s[1] += lin[o + 1]!;
    s[2] += lin[o + 2]!;
    n++;
  }
  if (all === 0) return null;
  const clipped = (all - n) / all;
  // Mostly clipped (a pure-white studio background): report it as such.
  if (n < 0.2 * all) return { mean: [acc[0]! / all, acc[1]! / all, acc[2]! / all], clipped };
  return { mean: [s[0]! / n, s[1]! / n, s[2]! / n], clipped };
}

/** A result backdrop clipped over at least this share was replaced by studio white, not kept. */
export const MOSTLY_CLIPPED = 0.5;

/** Above this CIELAB chroma a shooting surface is coloured: its cast cannot be told from the piece's. */
export const NEUTRAL_SURFACE_CHROMA = 5;
/** Under this L* a surface (black velvet) is too dark to read a cast from. */
export const DARK_SURFACE_L = 30;

/**
 * Whether the backdrop's colour says anything about the light on the piece. A backdrop swap from a
 * coloured or black surface is not a colour change: the piece is then compared as shot.
 */
export function surfaceTellsCast(
  before: [number, number, number],
  after: [number, number, number],
  afterClippedShare = 0,
): boolean {
  const B = linearRgbToLab(...before);
  const A = linearRgbToLab(...after);
  const cb = Math.hypot(B[1], B[2]);
  // The result kept its surface (gains on the whole photo): the ratio is the correction itself. Not
  // when most of the result's backdrop is clipped studio white: `after` (the unclipped mean) is then
  // a few patches of the old surface left behind, and their ratio is no correction (tamar_earring_0363,
  // red velvet, 74 % white: gains ×6 on green read as a metal and gem colour change).
  const kept =
    afterClippedShare < MOSTLY_CLIPPED &&
    Math.hypot(A[1] - B[1], A[2] - B[2]) < Math.max(2, 0.5 * cb) &&
    Math.abs(A[0] - B[0]) < 25;
  if (kept) return true;
  return cb <= NEUTRAL_SURFACE_CHROMA && B[0] >= DARK_SURFACE_L;
}

/** White-balance gains from the backdrop, normalised to unit luminance gain. */
export function estimateWhiteBalance(coarse: Coarse, bg: Uint8Array): [number, number, number] {
  const bm = meanUnclipped(coarse.beforeLin, bg);
  const am = meanUnclipped(coarse.afterLin, bg);
  if (!bm || !am) return [1, 1, 1];
  const b = bm.mean;
  const a = am.mean;
  if (!surfaceTellsCast(b, a, am.clipped)) return [1, 1, 1];
  const clipped = Math.max(a[0], a[1], a[2]) > 0.97;
  let g: [number, number, number];
  if (!clipped && Math.min(b[0], b[1], b[2]) > 0.003) g = [a[0] / b[0], a[1] / b[1], a[2] / b[2]];
  else if (Math.min(b[0], b[1], b[2]) > 0.003) g = [1 / b[0], 1 / b[1], 1 / b[2]];
  else return [1, 1, 1];
  const y = luminance(g[0], g[1], g[2]);
  return [g[0] / y, g[1] / y, g[2] / y];
}

/** Exposure: median of after/before luminance over the piece's unclipped interior. */
export function estimateExposure(base: WorkBase, wb: [number, number, number], fallback: number): number {
  const inner = pieceInterior(base.alpha, base.w, base.h);
  const n = base.w * base.h;
  const step = Math.max(1, Math.floor(n / 200000));
  const ratios = new Float32Array(Math.ceil(n / step));
  let m = 0;
  // In row-sized chunks: a kernel called per chunk is optimised by V8 within the first image.
  for (let i = 0; i < n; i += step * base.w)
    m = ratiosChunk(base, inner, wb, ratios, m, i, Math.min(n, i + step * base.w), step);
  if (m < 50) return fallback;
  return quantileOf(ratios, 0.5, m);
}

/** Appends the after/before luminance ratios of pixels from, from + step, … below `to`; returns the count. */
function ratiosChunk(
  base: WorkBase,
  inner: Uint8Array,
  wb: [number, number, number],
  ratios: Float32Array,
  m: number,
  from: number,
  to: number,
  step: number,
): number {
  const { beforeLin: b, afterLin: a } = base;
  for (let i = from; i < to; i += step) {
    if (!inner[i]) continue;
    const o = i * 3;
    const yb = luminance(b[o]! * wb[0], b[o + 1]! * wb[1], b[o + 2]! * wb[2]);
    const ya = luminance(a[o]!, a[o + 1]!, a[o + 2]!);
    if (yb < 0.01 || yb > 0.7 || ya > 0.9) continue;
    ratios[m++] = ya / yb;
  }
  return m;
}

export function resolveGains(base: WorkBase, given?: Gains): Gains {
  const c = base.coarse;
  const bg = coarseBackground(c);
  const wb = given?.whiteBalance ?? estimateWhiteBalance(c, bg);
  const exposure = estimateExposure(base, wb, given?.exposure ?? 1);
  return { exposure, whiteBalance: wb };
}
