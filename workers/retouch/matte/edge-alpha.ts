// Stage 3c — the edge's own alpha. The ramp in network-alpha.ts keeps the piece whole, but along the
// outline it leaves pixels opaque (or partly) that still hold some of the surface, which the cutout
// would carry onto a new background as a fringe (backdrop bleed). There, and only there — pixels
// already partly transparent, or opaque within `reach` of the clear surface — α is re-solved from the
// photo by the compositing equation I = αF + (1−α)B, projecting the pixel onto the segment between
// the piece's local colour F and the surface's B. Partly transparent pixels count only within `reach`
// of the clear surface too: a polished face inside the piece that the network half believed is the
// opaque fill's business (opaque-fill.ts), not a mixed pixel of the outline. It acts only where the two are clearly apart and
// the surface is known: a white stone on a white sweep (F ≈ B) keeps the network's alpha, so an edge
// can move and soften but the inside is never hollowed.
import type { Box, Image8, Plane } from "../types";
import { LINEAR_LUT } from "../color";
import { dilate } from "../pixels/mask";
import { activeBox, growBox } from "../pixels/active-box";
import type { WorkImage } from "../pixels/work-image";
import type { BackdropModel } from "../backdrop/model";
import { sampleLocal, type LocalMean } from "./local-means";
import { sampleSurface, type SurfaceSample } from "./surface-sample";

export interface EdgeOptions {
  /** Full-resolution pixels inside the outline that may be re-solved. */
  reach: number;
  /** F and B must be at least this far apart (linear RGB distance) and this many noise levels. */
  minSeparation: number;
  noiseMultiple: number;
}

/**
 * The most the equation may move a pixel's α: neighbours solved and not solved then differ by less
 * than the 0.5 jump the seam measure counts (at ½ the dev set's sweep showed 1.6 seams per 10⁴ pairs;
 * at 0.3 one polished bangle keeps 1.3; at 0.2 the fringe on black velvet is no longer cleared: a
 * chain on black lost 0.02 IoU). 0.6 on the outline's partial pixels took black's bleed 0.106 → 0.094
 * (every third piece) but thinned chain links: bracelet_lactay2 on grey 0.851 → 0.840 IoU, below the
 * bare network's 0.877 − 0.02.
 */
const MAX_CHANGE = 0.3;

export const EDGE_DEFAULTS: EdgeOptions = { reach: 2, minSeparation: 0.06, noiseMultiple: 4 };

/** Re-solves α in place along the outline; returns the share of the frame re-solved. */
export function edgeAlpha(
  img: Image8,
  alpha: Plane,
  work: WorkImage,
  backdrop: BackdropModel,
  fg: LocalMean,
  bg: LocalMean,
  opts: EdgeOptions = EDGE_DEFAULTS,
  /** A box outside which α = 0 (default: the whole frame). */
  within?: Box | null,
): number {
  const { width: W, height: H, data, channels: ch } = img;
  const A = alpha.data;
  // Only pixels with α > 0 are solved: the loop runs on their box, and "near clear" is read on that
  // box grown by the reach (every pixel within reach of the box, clipped to the frame as before).
  const box = within === null ? null : activeBox(A, W, H, within);
  if (!box) return 0;
  const g = growBox(box, opts.reach, W, H);
  const clear = new Uint8Array(g.w * g.h);
  for (let y = 0; y < g.h; y++)
    for (let x = 0, o = (g.y + y) * W + g.x; x < g.w; x++) clear[y * g.w + x] = A[o + x]! < 0.5 ? 1 : 0;
  const nearClear = dilate(clear, g.w, g.h, opts.reach);
  const s: SurfaceSample = { b: [0, 0, 0], trust: 0, noise: 0 };
  let solved = 0;
  for (let y = box.y; y < box.y + box.h; y++) {
    const v = (y + 0.5) / work.sy - 0.5;
    const vn = (y + 0.5) / H;
    const near = (y - g.y) * g.w - g.x;
    for (let x = box.x; x < box.x + box.w; x++) {
      const i = y * W + x;
      const a = A[i]!;
      if (a <= 0 || !nearClear[near + x]) continue;
      const u = (x + 0.5) / work.sx - 0.5;
      const f0 = sampleLocal(fg, fg.rgb[0], u, v);
      if (Number.isNaN(f0)) continue;
      const f1 = sampleLocal(fg, fg.rgb[1], u, v);
      const f2 = sampleLocal(fg, fg.rgb[2], u, v);
      sampleSurface(bg, backdrop, u, v, (x + 0.5) / W, vn, s);
      if (s.trust < 0.5) continue;
      const d0 = f0 - s.b[0];
      const d1 = f1 - s.b[1];
      const d2 = f2 - s.b[2];
      const dd = d0 * d0 + d1 * d1 + d2 * d2;
      const sep = Math.max(opts.minSeparation, opts.noiseMultiple * s.noise);
      if (dd < sep * sep) continue;
      const o = ch * i;
      const e0 = LINEAR_LUT[data[o]!]! - s.b[0];
      const e1 = LINEAR_LUT[data[o + 1]!]! - s.b[1];
      const e2 = LINEAR_LUT[data[o + 2]!]! - s.b[2];
      let ac = (e0 * d0 + e1 * d1 + e2 * d2) / dd;
      ac = ac < 0 ? 0 : ac > 1 ? 1 : ac;
      // Only a pixel that is a mix of F and B (close to the segment between them) is solved: a dark
      // facet or a catchlight off that line is the piece's own colour, not a partial pixel.
      const r0 = e0 - ac * d0;
      const r1 = e1 - ac * d1;
      const r2 = e2 - ac * d2;
      if (r0 * r0 + r1 * r1 + r2 * r2 > 0.25 * dd) continue;
      // The equation's weight grows smoothly with the separation and the surface's trust (a hard
      // switch between the two estimates would draw seams), and it moves α by at most MAX_CHANGE.
      const w = Math.min(1, (Math.sqrt(dd) - sep) / sep) * Math.min(1, (s.trust - 0.5) / 0.3);
      const delta = Math.max(-MAX_CHANGE, Math.min(MAX_CHANGE, w * (ac - a)));
      A[i] = a + delta;
      solved++;
    }
  }
  return solved / (W * H);
}
