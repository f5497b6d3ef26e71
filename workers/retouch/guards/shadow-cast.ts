// SHADOW_CAST: a colour cast in the piece's dark, reflective areas. Polished metal mirrors its
// surroundings, and retouching that tints the shadows (often with the background's colour) makes
// silver look blue or gold look green. Luminance-matched mean of the dark non-gem pixels, result
// against expected; linear averaging means the bright metal does not dilute it.
import type { Warning } from "../types";
import { grade, regionOfMask, round, warning, type GuardContext } from "./context";
import { compareRegion } from "./means";
import { count, pieceInterior } from "./masks";
import { tintName } from "./metal-tone-shift";

export function shadowMask(ctx: GuardContext): Uint8Array {
  const { specular, gem } = ctx.regions;
  // Dark pixels next to the outline are often backdrop or shadow on the surface: stay inside.
  const inner = pieceInterior(ctx.work.alpha, ctx.work.w, ctx.work.h, 2);
  const L = ctx.work.expectedL;
  const m = new Uint8Array(L.length);
  for (let i = 0; i < m.length; i++)
    if (inner[i] && !specular[i] && !gem[i] && L[i]! < ctx.t.shadowLMax! && L[i]! >= 4) m[i] = 1;
  return m;
}

export function shadowCast(ctx: GuardContext): Warning[] {
  const mask = shadowMask(ctx);
  const n = count(mask);
  if (n < Math.max(60, ctx.t.shadowMinFraction! * ctx.regions.pieceCount)) return [];
  const c = compareRegion(ctx.work.expectedLin, ctx.work.afterLin, mask);
  const sev = grade(c.deltaE, ctx.t.shadowDeltaENote!, ctx.t.shadowDeltaEWarn!);
  if (!sev) return [];
  const da = c.afterLab[1] - c.expectedLab[1];
  const db = c.afterLab[2] - c.expectedLab[2];
  return [
    warning(
      "SHADOW_CAST",
      sev,
      `The dark, reflective parts of the piece took on a ${tintName(da, db)} cast (ΔE00 ${round(c.deltaE, 1)}). ` +
        "Tinted shadows change how the metal reads (silver turning blue, gold turning green) and look unnatural.",
      c.deltaE,
      ctx.t.shadowDeltaEWarn!,
      regionOfMask(ctx, mask),
    ),
  ];
}
