// Raw measures behind the guards, without thresholds: for calibration, benchmarks and debugging.
import { buildContext } from "./run";
import { deltaE2000, linearRgbToLab } from "../color";
import type { GuardContext } from "./context";
import type { GuardInput } from "./input";
import { compareRegion } from "./means";
import { count } from "./masks";
import { usableMetal } from "./metal-tone-shift";
import { sparkleAnalysis } from "./sparkle";
import { excessNear } from "./highlights";
import { haloBleed } from "./halo";
import { edgeKept } from "./edge-soft";
import { textureMeasures } from "./texture-lost";
import { shadowMask } from "./shadow-cast";

export function rawMeasures(
  input: GuardInput | GuardContext,
  overrides?: Partial<Record<string, number>>,
): Record<string, number> {
  const ctx = "work" in input ? input : buildContext(input, overrides);
  const m: Record<string, number> = { exposure: ctx.gains.exposure, pieceCount: ctx.regions.pieceCount };
  const metal = usableMetal(ctx);
  m.metalN = count(metal);
  if (m.metalN > 0) {
    const c = compareRegion(ctx.work.expectedLin, ctx.work.afterLin, metal);
    m.metalDE = c.deltaE;
    m.metalDH = c.dH;
    m.metalC = c.expectedLch[1];
  }
  const s = sparkleAnalysis(ctx);
  let before = 0;
  let kept = 0;
  for (const p of s.expectedPeaks) {
    const e = excessNear(s.after, ctx.work.w, ctx.work.h, p.i, 1);
    before += p.excess;
    kept += Math.min(e, p.excess);
  }
  m.peaks = s.expectedPeaks.length;
  m.sparkleKept = before > 0 ? kept / before : 1;
  m.afterPeaks = s.afterPeaks.length;
  const B = linearRgbToLab(...ctx.backdropLin);
  const S = linearRgbToLab(...ctx.studioLin);
  m.backdropStudioDE = deltaE2000(B[0], B[1], B[2], S[0], S[1], S[2]);
  const h = haloBleed(ctx);
  if (h) m.halo = h.bleed;
  const e = edgeKept(ctx);
  if (e) m.edgeKept = e.kept;
  const t = textureMeasures(ctx);
  if (t) {
    m.ssim = t.ssim;
    m.hfKept = t.hfKept;
    m.tilesLost = t.tilesLost;
    m.tiles = t.tiles;
  }
  const sm = shadowMask(ctx);
  m.shadowN = count(sm);
  if (m.shadowN > 0) m.shadowDE = compareRegion(ctx.work.expectedLin, ctx.work.afterLin, sm).deltaE;
  return m;
}
