// EDGE_SOFT: the crispness of the piece's strongest internal edges (prongs, bezels, pavé, chain
// links) — the L* gradient energy on the original's top-decile edges, result over expected. The
// silhouette is left out because its contrast depends on the background, which the retouch replaces.
import type { Warning } from "../types";
import { grade, regionOfMask, round, warning, type GuardContext } from "./context";
import { count, pieceInterior } from "./masks";
import { quantileOf } from "../pixels/select";
import { nearGaps } from "./gaps";

export function edgeKept(ctx: GuardContext): { kept: number; mask: Uint8Array } | null {
  const { w, h, expectedL, afterL, alpha } = ctx.work;
  const inner = pieceInterior(alpha, w, h, 3);
  // The rims of gaps through the piece: their contrast is the backdrop's, which the retouch replaced.
  const rims = nearGaps(ctx, GAP_RIM);
  for (let i = 0; i < inner.length; i++) if (rims[i]) inner[i] = 0;
  // Gradients only where they are read (the interior), in raster order: the same float32 values a
  // full-plane gradientMagnitude holds there, at a fraction of the cost.
  const idx = new Int32Array(count(inner));
  for (let i = 0, j = 0; i < inner.length; i++) if (inner[i]) idx[j++] = i;
  if (idx.length < 200) return null;
  const ge = gradientsAt(expectedL, w, h, idx);
  const ga = gradientsAt(afterL, w, h, idx);
  // An edge stands well above the typical gradient: on a large, smooth piece the top decile is
  // mostly sensor noise, which an honest denoise removes.
  const thr = Math.max(4, quantileOf(ge, 0.9), NOISE_MULT * quantileOf(ge, 0.5));
  const mask = new Uint8Array(w * h);
  let se = 0;
  let sa = 0;
  let n = 0;
  for (let j = 0; j < idx.length; j++) {
    if (ge[j]! < thr) continue;
    se += ge[j]!;
    sa += Math.min(ga[j]!, 2 * ge[j]!);
    mask[idx[j]!] = 1;
    n++;
  }
  if (n < 30) return null;
  return { kept: sa / se, mask };
}

/**
 * Width (px) of a gap's rim left out. Independent cutouts, cal half (`report.ts 0 --cutout --half cal`):
 * the honest retouches of open-link white-metal bracelets on black velvet (bangle_vongtay4,
 * bracelet_lactay2, piece_sp2) kept 0.17–0.54 of their edge energy, all of it across the links' gaps.
 */
const GAP_RIM = 2;

/** How many times the median gradient (mostly noise) an edge must reach. */
const NOISE_MULT = 4;

/** gradientMagnitude of src at the listed pixels. */
function gradientsAt(src: Float32Array, w: number, h: number, idx: Int32Array): Float32Array {
  const out = new Float32Array(idx.length);
  for (let j = 0; j < idx.length; j++) {
    const i = idx[j]!;
    const x = i % w;
    const y = (i - x) / w;
    const row = y * w;
    const xl = x > 0 ? x - 1 : x;
    const xr = x < w - 1 ? x + 1 : x;
    const yu = y > 0 ? y - 1 : y;
    const yd = y < h - 1 ? y + 1 : y;
    const gx = (src[row + xr]! - src[row + xl]!) * 0.5;
    const gy = (src[yd * w + x]! - src[yu * w + x]!) * 0.5;
    out[j] = Math.sqrt(gx * gx + gy * gy);
  }
  return out;
}

export function edgeSoft(ctx: GuardContext): Warning[] {
  const r = edgeKept(ctx);
  if (!r) return [];
  const sev = grade(1 - r.kept, 1 - ctx.t.edgeKeptNote!, 1 - ctx.t.edgeKeptWarn!);
  if (!sev) return [];
  return [
    warning(
      "EDGE_SOFT",
      sev,
      `Fine edges (prongs, bezels, settings, links) are softer: ${round(r.kept * 100, 0)} % of their original sharpness remains. ` +
        "Buyers zoom in on settings; mushy edges hide craftsmanship and look like a low-quality photo.",
      r.kept,
      ctx.t.edgeKeptWarn!,
      regionOfMask(ctx, r.mask),
    ),
  ];
}
