// HALO: the old shooting surface's colour left along the cutout's outline. Compositing says
// I = αF + (1−α)B; just outside the piece (α < 0.1, within a few pixels of its outline) the result
// should be the studio background S. The bleed is the share of the way from S to the old backdrop B
// that those pixels still go (projection in CIELAB): 0 = clean, 1 = the old surface untouched —
// the "backdrop bleed" of docs/measures.md. A grey or coloured fringe looks like a cheap cut-out.
import { deltaE2000, labInto, linearRgbToLab } from "../color";
import type { Warning } from "../types";
import { grade, regionOfMask, round, warning, type GuardContext } from "./context";
import { backgroundReplaced } from "./background-replaced";
import { dilate } from "../pixels/mask";
import { haloRings } from "./reach";

export function haloBleed(ctx: GuardContext): { bleed: number; ring: Uint8Array; n: number; contrast: number } | null {
  const { w, h, alpha, afterLab } = ctx.work;
  const B = linearRgbToLab(...ctx.backdropLin);
  const S = linearRgbToLab(...ctx.studioLin);
  if (deltaE2000(B[0], B[1], B[2], S[0], S[1], S[2]) < ctx.t.haloMinBackdropDeltaE!) return null;
  if (!backgroundReplaced(ctx)) return null;
  const piece = new Uint8Array(w * h);
  for (let i = 0; i < piece.length; i++) piece[i] = alpha[i]! >= 0.5 ? 1 : 0;
  // Rings of one working pixel at growing distance, out to ~6 original pixels: a fringe a few pixels
  // wide stands out in its own ring, and a matte that ends a pixel or two off the true outline does
  // not dilute it. The bleed is the worst ring's mean. The first original pixel outside the matte
  // is skipped: anti-aliasing and JPEG ringing of the piece itself live there.
  const { k0, K } = haloRings(ctx.work.scale);
  const d0 = B[0] - S[0];
  const d1 = B[1] - S[1];
  const d2 = B[2] - S[2];
  const dd = d0 * d0 + d1 * d1 + d2 * d2;
  const ring = new Uint8Array(w * h);
  // Reached within k − 1, then within k (square neighbourhoods: one more pixel per step).
  let inner = dilate(piece, w, h, k0 - 1);
  let best = -Infinity;
  let nAll = 0;
  const rings: Array<{ n: number; sum: number }> = [];
  for (let k = k0; k <= K; k++) {
    const near = dilate(inner, w, h, 1);
    rings.push(ringSum(near, inner, alpha, afterLab, ctx.work.beforeLin, B, S, d0, d1, d2, dd, ring));
    inner = near;
  }
  // A ring counts when it runs along the outline like the others: where the soft edge of an
  // estimated matte covers most of a ring, its few pixels left are the piece's own rim, not a fringe.
  const most = Math.max(...rings.map((r) => r.n));
  for (const { n, sum } of rings) {
    nAll += n;
    if (n >= 20 && n >= RING_MIN_SHARE * most) best = Math.max(best, sum / n);
  }
  if (best === -Infinity) return null;
  return { bleed: best, ring, n: nAll, contrast: deltaE2000(B[0], B[1], B[2], S[0], S[1], S[2]) };
}

/**
 * Share of the fullest ring's pixel count a ring needs to count. Measured on the independent set's
 * real cutouts (`report.ts --cutout --half cal`): under the check CLI's estimated matte (coarse,
 * softened 1 px) the first ring around bracelet_lactay on grey keeps 26 pixels against 2329–2391 for
 * the others — the metal's rim, bleed 0.54, where the full rings read 0.005–0.12; the independent
 * set's kept surface bands fill every ring alike.
 */
const RING_MIN_SHARE = 0.25;

const lab = new Float64Array(3);

/**
 * One ring: pixels reached at this distance, not before, and background by the matte; marks them in
 * `ring` and returns their count and the sum of their clamped projections. A function of its own so
 * that V8 optimises the loop as a hot function (see filters.ts).
 *
 * A fringe is the old surface carried along, so only pixels that were surface in the original count
 * (within a quarter of the way to the studio colour, CIELAB distance): where the matte ends a pixel
 * short of a dark rim or a grey metal edge, that pixel was piece in the original and is no halo (on
 * black velvet and white seamless the piece's own edge lies on the studio→surface line). The
 * projection is capped at the surface itself: darker than the surface is piece or shadow.
 */
function ringSum(
  near: Uint8Array,
  inner: Uint8Array,
  alpha: Float32Array,
  afterLab: Float32Array,
  beforeLin: Float32Array,
  B: [number, number, number],
  S: [number, number, number],
  d0: number,
  d1: number,
  d2: number,
  dd: number,
  ring: Uint8Array,
): { n: number; sum: number } {
  let sum = 0;
  let n = 0;
  const tol2 = Math.max(36, dd / 16);
  for (let i = 0; i < near.length; i++) {
    if (alpha[i]! >= 0.1 || !near[i] || inner[i]) continue;
    const o = i * 3;
    labInto(beforeLin[o]!, beforeLin[o + 1]!, beforeLin[o + 2]!, lab, 0);
    if ((lab[0]! - B[0]) ** 2 + (lab[1]! - B[1]) ** 2 + (lab[2]! - B[2]) ** 2 > tol2) continue;
    const p = ((afterLab[o]! - S[0]) * d0 + (afterLab[o + 1]! - S[1]) * d1 + (afterLab[o + 2]! - S[2]) * d2) / dd;
    sum += p > 1 ? 1 : p < -0.5 ? -0.5 : p;
    ring[i] = 1;
    n++;
  }
  return { n, sum };
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
      "share of the old surface color left",
    ),
  ];
}
