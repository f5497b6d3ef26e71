// Gains and surface colours when the caller does not know them (the check CLI, other retouchers).
//
// White balance comes from the backdrop only (never from the piece: a rose-gold piece would be
// "corrected" to white): the per-channel ratio after/before of the far background, or, where the
// result's background is clipped white, the von Kries gains that make the original backdrop neutral.
// Exposure is the median luminance ratio over the piece's unclipped interior: a global exposure
// choice barely moves that median, while every damage the guards look for is local or chromatic.
import { linearToByte, luminance } from "../color";
import { quantile } from "./filters";
import type { Gains } from "./input";
import { farBackground, pieceInterior } from "./masks";
import type { Coarse, WorkBase } from "./work";

/** Median linear RGB of the masked pixels (sub-sampled to ≤ 20 000 samples). */
export function medianLinear(lin: Float32Array, mask: Uint8Array): [number, number, number] | null {
  let n = 0;
  for (let i = 0; i < mask.length; i++) n += mask[i]!;
  if (n === 0) return null;
  const step = Math.max(1, Math.floor(n / 20000));
  const ch: number[][] = [[], [], []];
  let k = 0;
  for (let i = 0; i < mask.length; i++) {
    if (!mask[i]) continue;
    if (k++ % step) continue;
    ch[0]!.push(lin[i * 3]!);
    ch[1]!.push(lin[i * 3 + 1]!);
    ch[2]!.push(lin[i * 3 + 2]!);
  }
  return [quantile(ch[0]!, 0.5), quantile(ch[1]!, 0.5), quantile(ch[2]!, 0.5)];
}

/** Grey-world mean over the masked pixels whose channels are all under 0.98 (not clipped). */
export function meanUnclipped(lin: Float32Array, mask: Uint8Array): [number, number, number] | null {
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
  // Mostly clipped (a pure-white studio background): report it as such.
  if (n < 0.2 * all) return [acc[0]! / all, acc[1]! / all, acc[2]! / all];
  return [s[0]! / n, s[1]! / n, s[2]! / n];
}

export function toBytes(lin: [number, number, number]): [number, number, number] {
  return [linearToByte(lin[0]), linearToByte(lin[1]), linearToByte(lin[2])];
}

/** White-balance gains from the backdrop, normalised to unit luminance gain. */
export function estimateWhiteBalance(coarse: Coarse, bg: Uint8Array): [number, number, number] {
  const b = meanUnclipped(coarse.beforeLin, bg);
  const a = meanUnclipped(coarse.afterLin, bg);
  if (!b || !a) return [1, 1, 1];
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
  const ratios: number[] = [];
  const n = base.w * base.h;
  const step = Math.max(1, Math.floor(n / 200000));
  for (let i = 0; i < n; i += step) {
    if (!inner[i]) continue;
    const o = i * 3;
    const yb = luminance(base.beforeLin[o]! * wb[0], base.beforeLin[o + 1]! * wb[1], base.beforeLin[o + 2]! * wb[2]);
    const ya = luminance(base.afterLin[o]!, base.afterLin[o + 1]!, base.afterLin[o + 2]!);
    if (yb < 0.01 || yb > 0.7 || ya > 0.9) continue;
    ratios.push(ya / yb);
  }
  if (ratios.length < 50) return fallback;
  return quantile(ratios, 0.5);
}

export function resolveGains(base: WorkBase, given?: Gains): Gains {
  const c = base.coarse;
  const bg = farBackground(c.alpha, c.w, c.h, 1);
  const wb = given?.whiteBalance ?? estimateWhiteBalance(c, bg);
  const exposure = estimateExposure(base, wb, given?.exposure ?? 1);
  return { exposure, whiteBalance: wb };
}
