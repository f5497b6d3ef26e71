// HALO: the old shooting surface's colour left along the cutout's outline. Compositing says
// I = αF + (1−α)B; just outside the piece (α < 0.1, within a few pixels of its outline) the result
// should be the studio background S. The bleed is the share of the way from S to the old backdrop B
// that those pixels still go (projection in CIELAB): 0 = clean, 1 = the old surface untouched —
// the "backdrop bleed" of docs/measures.md. A grey or coloured fringe looks like a cheap cut-out.
import { deltaE2000, linearRgbToLab } from "../color";
import type { Warning } from "../types";
import { grade, regionOfMask, round, warning, type GuardContext } from "./context";
import { boxMean } from "./filters";
import { farBackground } from "./masks";

/**
 * Did the retouch replace the background? If the result's background follows the original one (with
 * the gains) more closely than it follows one flat studio colour, the backdrop was kept, and a
 * "halo" of it is no defect (its gradients and contact shadows would only fake one).
 */
export function backgroundReplaced(ctx: GuardContext): boolean {
  const c = ctx.work.coarse;
  const bg = farBackground(c.alpha, c.w, c.h, 1);
  const g = ctx.gains;
  const k = [g.exposure * g.whiteBalance[0], g.exposure * g.whiteBalance[1], g.exposure * g.whiteBalance[2]];
  const S = linearRgbToLab(...ctx.studioLin);
  let dKept = 0;
  let dFlat = 0;
  let n = 0;
  for (let i = 0; i < bg.length; i++) {
    if (!bg[i]) continue;
    const o = i * 3;
    const a = linearRgbToLab(c.afterLin[o]!, c.afterLin[o + 1]!, c.afterLin[o + 2]!);
    const e = linearRgbToLab(Math.min(1, c.beforeLin[o]! * k[0]!), Math.min(1, c.beforeLin[o + 1]! * k[1]!), Math.min(1, c.beforeLin[o + 2]! * k[2]!));
    dKept += Math.hypot(a[0] - e[0], a[1] - e[1], a[2] - e[2]);
    dFlat += Math.hypot(a[0] - S[0], a[1] - S[1], a[2] - S[2]);
    n++;
  }
  return n === 0 || dFlat <= dKept;
}

export function haloBleed(ctx: GuardContext): { bleed: number; ring: Uint8Array; n: number; contrast: number } | null {
  const { w, h, alpha, afterLab } = ctx.work;
  const B = linearRgbToLab(...ctx.backdropLin);
  const S = linearRgbToLab(...ctx.studioLin);
  if (deltaE2000(B[0], B[1], B[2], S[0], S[1], S[2]) < ctx.t.haloMinBackdropDeltaE!) return null;
  if (!backgroundReplaced(ctx)) return null;
  const piece = new Float32Array(w * h);
  for (let i = 0; i < piece.length; i++) piece[i] = alpha[i]! >= 0.5 ? 1 : 0;
  // Rings of one working pixel at growing distance, out to ~6 original pixels: a fringe a few pixels
  // wide stands out in its own ring, and a matte that ends a pixel or two off the true outline does
  // not dilute it. The bleed is the worst ring's mean. The first original pixel outside the matte
  // is skipped: anti-aliasing and JPEG ringing of the piece itself live there.
  const k0 = ctx.work.scale === 1 ? 2 : 1;
  const K = Math.max(k0 + 1, Math.round(6 / ctx.work.scale));
  const d0 = B[0] - S[0];
  const d1 = B[1] - S[1];
  const d2 = B[2] - S[2];
  const dd = d0 * d0 + d1 * d1 + d2 * d2;
  const ring = new Uint8Array(w * h);
  let inner: Float32Array = boxMean(piece, w, h, k0 - 1);
  let best = -Infinity;
  let nAll = 0;
  for (let k = k0; k <= K; k++) {
    const near = boxMean(piece, w, h, k);
    let sum = 0;
    let n = 0;
    for (let i = 0; i < near.length; i++) {
      // This ring only: reached at distance k, not before; background by the matte.
      if (alpha[i]! >= 0.1 || near[i]! <= 0 || inner[i]! > 0) continue;
      const o = i * 3;
      const p = ((afterLab[o]! - S[0]) * d0 + (afterLab[o + 1]! - S[1]) * d1 + (afterLab[o + 2]! - S[2]) * d2) / dd;
      sum += Math.max(-0.5, Math.min(1.5, p));
      ring[i] = 1;
      n++;
    }
    inner = near;
    nAll += n;
    if (n >= 20) best = Math.max(best, sum / n);
  }
  if (best === -Infinity) return null;
  return { bleed: best, ring, n: nAll, contrast: deltaE2000(B[0], B[1], B[2], S[0], S[1], S[2]) };
}

export function halo(ctx: GuardContext): Warning[] {
  const r = haloBleed(ctx);
  if (!r) return [];
  let sev = grade(r.bleed, ctx.t.haloBleedNote!, ctx.t.haloBleedWarn!);
  if (!sev) return [];
  // Near-white on white, a large share of a tiny colour difference is still invisible.
  if (sev === "warning" && r.bleed * r.contrast < ctx.t.haloVisibleDeltaE!) sev = "note";
  return [
    warning(
      "HALO",
      sev,
      `A fringe of the original backdrop's color remains around the piece's outline (${round(r.bleed * 100, 0)} % of the old surface color). ` +
        "Halos make the cut-out look cheap and show on the store's background.",
      r.bleed,
      ctx.t.haloBleedWarn!,
      regionOfMask(ctx, r.ring),
    ),
  ];
}
