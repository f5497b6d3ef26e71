// REFERENCE_MISMATCH: the result's metal (and gem kinds) against the collection's approved reference
// image, so a catalogue keeps one look. The reference has no matte: its background is the median of
// its border, the piece whatever differs from it by more than ΔE 10 (reference images are clean
// studio shots, where that separation is easy).
import { deltaE2000, linearRgbToLab } from "../color";
import type { Image8, Warning } from "../types";
import { grade, regionOfMask, round, warning, type GuardContext } from "./context";
import { medianLinear } from "./gains";
import { compareMeans, meanLinear } from "./means";
import { count } from "./masks";
import { usableMetal } from "./metal-tone-shift";
import { isGemColor } from "./regions";
import { downsampleLinear, labOf, workScale } from "./work";

export interface ReferenceColors {
  metal: [number, number, number] | null;
}

export function referenceColors(ref: Image8): ReferenceColors {
  const s = workScale(ref.width, ref.height, 300_000);
  const { w, h, lin } = downsampleLinear(ref, s);
  const { lab, L } = labOf(lin);
  const border = new Uint8Array(w * h);
  const bw = Math.max(2, Math.round(0.03 * Math.min(w, h)));
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) if (x < bw || y < bw || x >= w - bw || y >= h - bw) border[y * w + x] = 1;
  const bg = medianLinear(lin, border);
  if (!bg) return { metal: null };
  const B = linearRgbToLab(bg[0], bg[1], bg[2]);
  const metal = new Uint8Array(w * h);
  for (let i = 0; i < metal.length; i++) {
    const o = i * 3;
    const a = lab[o + 1]!;
    const b = lab[o + 2]!;
    if (deltaE2000(L[i]!, a, b, B[0], B[1], B[2]) < 10) continue;
    const C = Math.hypot(a, b);
    let hue = (Math.atan2(b, a) * 180) / Math.PI;
    if (hue < 0) hue += 360;
    if (isGemColor(C, hue) || L[i]! < 12 || (L[i]! > 85 && C < 12)) continue;
    if (Math.max(lin[o]!, lin[o + 1]!, lin[o + 2]!) >= 0.98) continue;
    metal[i] = 1;
  }
  if (count(metal) < 50) return { metal: null };
  return { metal: meanLinear(lin, metal).rgb };
}

export function referenceMismatch(ctx: GuardContext): Warning[] {
  const ref = ctx.input.reference;
  if (!ref) return [];
  const rc = referenceColors(ref);
  if (!rc.metal) return [];
  const mask = usableMetal(ctx);
  if (count(mask) < Math.max(40, 0.02 * ctx.regions.pieceCount)) return [];
  const after = meanLinear(ctx.work.afterLin, mask).rgb;
  const c = compareMeans(rc.metal, after, 1);
  const sev = grade(c.deltaE, ctx.t.referenceDeltaENote!, ctx.t.referenceDeltaEWarn!);
  if (!sev) return [];
  return [
    warning(
      "REFERENCE_MISMATCH",
      sev,
      `The metal looks different from the collection's approved reference photo (ΔE00 ${round(c.deltaE, 1)}). ` +
        "Pieces of one collection shown in different tones look like different products.",
      c.deltaE,
      ctx.t.referenceDeltaEWarn!,
      regionOfMask(ctx, mask),
    ),
  ];
}
