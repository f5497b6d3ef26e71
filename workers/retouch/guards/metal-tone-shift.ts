// METAL_TONE_SHIFT: the metal's colour in the result against the original with the same gains applied
// (what an honest retouch shows), as luminance-matched region means over non-specular metal pixels.
// Loupe never "corrects" metal tone: a yellow gold made pinker or a rose gold neutralised is a
// different product to the buyer.
import type { Warning } from "../types";
import { grade, regionOfMask, round, warning, type GuardContext } from "./context";
import { compareRegion, type RegionComparison } from "./means";
import { dilate } from "../pixels/mask";
import { count } from "./masks";

const usable = new WeakMap<GuardContext, Uint8Array>();

/** Metal pixels fit for colour means; computed once per context (up to four guards ask), read-only. */
export function usableMetal(ctx: GuardContext): Uint8Array {
  let m = usable.get(ctx);
  if (!m) usable.set(ctx, (m = computeUsableMetal(ctx)));
  return m;
}

function computeUsableMetal(ctx: GuardContext): Uint8Array {
  const { metal } = ctx.regions;
  const { expectedLin, afterLin } = ctx.work;
  // Stay 2 px away from stones: JPEG's half-resolution chroma bleeds a stone's colour into its setting.
  const nearGem = dilate(ctx.regions.gem, ctx.work.w, ctx.work.h, 2);
  const m = new Uint8Array(metal.length);
  for (let i = 0; i < m.length; i++) {
    if (!metal[i] || nearGem[i]) continue;
    const o = i * 3;
    // Clipped channels carry no colour information.
    if (expectedLin[o]! >= 0.98 || expectedLin[o + 1]! >= 0.98 || expectedLin[o + 2]! >= 0.98) continue;
    if (afterLin[o]! >= 0.98 || afterLin[o + 1]! >= 0.98 || afterLin[o + 2]! >= 0.98) continue;
    m[i] = 1;
  }
  return m;
}

export function describeShift(c: RegionComparison): string {
  const ce = c.expectedLch[1];
  const ca = c.afterLch[1];
  if (ce > 4 && ca < ce * 0.75) return "it looks greyer (less saturated) than the original";
  if (ca > ce * 1.3 + 2) return "it looks more saturated than the original";
  if (ce < 4) return `it picked up a ${tintName(c.afterLab[1], c.afterLab[2])} tint`;
  return c.dHueDeg < 0 ? "its hue moved toward red/pink" : "its hue moved toward yellow/green";
}

export function tintName(a: number, b: number): string {
  let h = (Math.atan2(b, a) * 180) / Math.PI;
  if (h < 0) h += 360;
  if (h < 45 || h >= 340) return "pink/red";
  if (h < 100) return "yellow";
  if (h < 190) return "green";
  if (h < 290) return "blue";
  return "purple";
}

export function metalToneShift(ctx: GuardContext): Warning[] {
  let mask = usableMetal(ctx);
  let n = count(mask);
  if (n < Math.max(40, 0.005 * ctx.regions.pieceCount)) {
    // Hardly any metal-coloured pixels (coloured metal, enamel, or a strong cast from the lighting):
    // the piece's whole non-specular interior stands in for its material.
    mask = new Uint8Array(mask.length);
    for (let i = 0; i < mask.length; i++) mask[i] = ctx.regions.inner[i]! && !ctx.regions.specular[i] ? 1 : 0;
    n = count(mask);
    if (n < 40) return [];
  }
  const c = compareRegion(ctx.work.expectedLin, ctx.work.afterLin, mask);
  const t = ctx.t;
  let sev = grade(c.deltaE, t.metalDeltaENote!, t.metalDeltaEWarn!);
  // The number shown is the one that fired: the hue difference when only it crossed its limit.
  const byHue = sev !== "warning" && Math.abs(c.dH) > t.metalHueWarn!;
  if (byHue) sev = "warning";
  if (!sev) return [];
  return [
    warning(
      "METAL_TONE_SHIFT",
      sev,
      `The metal's color changed by ΔE00 ${round(c.deltaE, 1)} (hue difference ${round(Math.abs(c.dH), 1)}): ${describeShift(c)}. ` +
        "Buyers judge the metal (yellow, rose or white) from the photo; a changed tone misrepresents the piece and leads to returns.",
      byHue ? Math.abs(c.dH) : c.deltaE,
      byHue ? t.metalHueWarn! : sev === "warning" ? t.metalDeltaEWarn! : t.metalDeltaENote!,
      regionOfMask(ctx, mask),
      byHue ? "hue difference ΔH" : "ΔE00",
    ),
  ];
}
