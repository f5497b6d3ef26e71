// Gaps through the piece (between chain links, inside an open heart, under a prong): the original shows
// its shooting surface there and the result its studio background. A retouch that swaps the surface
// changes every contrast across a gap (white metal on black velvet → white metal on white) without
// touching the piece, so the guards that read contrast inside the piece leave the gaps' rims out.
import { labNear, linearRgbToLab } from "../color";
import { dilate } from "../pixels/mask";
import { reachFromFrame } from "../pixels/frame-reach";
import type { GuardContext } from "./context";

/** CIELAB distance under which a pixel shows the studio background (after) or the old surface (before). */
export const GAP_DE = 8;

const cache = new WeakMap<GuardContext, Uint8Array>();

/** 1 where the result is studio and the original its surface (working pixels), computed once per pair. */
export function gapMask(ctx: GuardContext): Uint8Array {
  const hit = cache.get(ctx);
  if (hit) return hit;
  const { w, h, afterLab: a, beforeLin: b } = ctx.work;
  const S = linearRgbToLab(...ctx.studioLin);
  const B = linearRgbToLab(...ctx.backdropLin);
  const out = new Uint8Array(w * h);
  for (let i = 0; i < out.length; i++) {
    const o = i * 3;
    if (!labNear(a, o, S, GAP_DE)) continue;
    if (labNear(linearRgbToLab(b[o]!, b[o + 1]!, b[o + 2]!), 0, B, GAP_DE)) out[i] = 1;
  }
  cache.set(ctx, out);
  return out;
}

const outside = new WeakMap<GuardContext, Uint8Array>();

/**
 * 1 where the result shows its studio background connected through studio pixels to the frame's
 * border or to the pixels out of the guards' reach (working pixels), computed once per pair: the
 * background around the piece, reaching in wherever the result's outline lies inside the original's
 * (a trimmed edge, a pixel of registration).
 */
export function outsideStudio(ctx: GuardContext): Uint8Array {
  const hit = outside.get(ctx);
  if (hit) return hit;
  const { w, h, afterLab: a, need } = ctx.work;
  const S = linearRgbToLab(...ctx.studioLin);
  // Pixels out of the guards' reach (work.ts: far from the piece, not computed) are background too.
  const pass = new Uint8Array(w * h);
  const far = new Uint8Array(w * h);
  for (let i = 0; i < pass.length; i++) {
    far[i] = need[i] ? 0 : 1;
    pass[i] = far[i] || labNear(a, i * 3, S, GAP_DE) ? 1 : 0;
  }
  const out = reachFromFrame(pass, w, h, far);
  for (let i = 0; i < out.length; i++) if (far[i]) out[i] = 0;
  outside.set(ctx, out);
  return out;
}

/**
 * The gaps and the pixels that mix the backdrop, grown by r px (Chebyshev): where the piece's own
 * colour blends with the surface in the original and with the studio in the result. A pixel of true
 * alpha α shows αF + (1 − α)B before and αF·g + (1 − α)S after, so after − expected runs along
 * S − g·B by (1 − α): its share along that direction is the backdrop's share of the pixel. Read only
 * where the swap is a large step (black velvet to white), where a rim's contrast changes most.
 */
export function nearGaps(ctx: GuardContext, r: number): Uint8Array {
  const m = gapMask(ctx).slice();
  const { expectedLin: e, afterLin: a } = ctx.work;
  const g = ctx.gains;
  const E = ctx.backdropLin.map((v, c) => v * g.exposure * g.whiteBalance[c]!);
  const D = ctx.studioLin.map((v, c) => v - E[c]!);
  const n2 = D[0]! ** 2 + D[1]! ** 2 + D[2]! ** 2;
  if (n2 >= MIN_SWAP2)
    for (let i = 0; i < m.length; i++) {
      const o = i * 3;
      const t = ((a[o]! - e[o]!) * D[0]! + (a[o + 1]! - e[o + 1]!) * D[1]! + (a[o + 2]! - e[o + 2]!) * D[2]!) / n2;
      if (t > MIXED_SHARE) m[i] = 1;
    }
  return dilate(m, ctx.work.w, ctx.work.h, r);
}

/**
 * Squared linear-RGB step from the expected surface to the studio from which mixed pixels are read
 * (black velvet to white ≈ 3). At 0.3 a grey card counted too, and the stars painted on white metal
 * there read as the backdrop's share (cutouts cal half: SPARKLE_ADDED 75 → 71 of 100).
 */
const MIN_SWAP2 = 1.5;
/** Backdrop share of a pixel above which it is a rim pixel, not the piece. */
const MIXED_SHARE = 0.15;
