// EDGE_SOFT: the crispness of the piece's strongest internal edges (prongs, bezels, pavé, chain
// links) — the L* gradient energy on the original's top-decile edges, result over expected. The
// silhouette is left out because its contrast depends on the background, which the retouch replaces.
import type { Warning } from "../types";
import { grade, regionOfMask, round, warning, type GuardContext } from "./context";
import { gradientMagnitude, quantile } from "./filters";
import { pieceInterior } from "./masks";

export function edgeKept(ctx: GuardContext): { kept: number; mask: Uint8Array } | null {
  const { w, h, expectedL, afterL, alpha } = ctx.work;
  const inner = pieceInterior(alpha, w, h, 3);
  const ge = gradientMagnitude(expectedL, w, h);
  const ga = gradientMagnitude(afterL, w, h);
  const vals: number[] = [];
  for (let i = 0; i < inner.length; i++) if (inner[i]) vals.push(ge[i]!);
  if (vals.length < 200) return null;
  const thr = Math.max(4, quantile(vals, 0.9));
  const mask = new Uint8Array(w * h);
  let se = 0;
  let sa = 0;
  let n = 0;
  for (let i = 0; i < inner.length; i++) {
    if (!inner[i] || ge[i]! < thr) continue;
    se += ge[i]!;
    sa += Math.min(ga[i]!, 2 * ge[i]!);
    mask[i] = 1;
    n++;
  }
  if (n < 30) return null;
  return { kept: sa / se, mask };
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
