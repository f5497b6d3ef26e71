// GEM_COLOR_SHIFT: each gemstone's mean colour (non-specular pixels, luminance matched) against the
// original with the gains applied. Besides ΔE00, hue direction matters to buyers: an emerald whose
// hue rises is drifting toward teal (past ~180° CIELAB it is "bluish green" no longer emerald), and a
// sapphire pushed toward violet, measured in OKLCh where blue hues are not bent (Hung & Berns).
import type { Warning } from "../types";
import { grade, round, scaleBox, warning, type GuardContext } from "./context";
import { labelComponents } from "../pixels/components";
import { compareComponents } from "./means";
import { stoneHues } from "./gem-hue";

export type GemKind = "emerald" | "sapphire" | "ruby" | "gemstone";

export function gemKind(hue: number): GemKind {
  if (hue >= 115 && hue < 200) return "emerald";
  if (hue >= 200 && hue < 320) return "sapphire";
  if (hue >= 320 || hue < 40) return "ruby";
  return "gemstone";
}

const NAMES: Record<GemKind, string> = {
  emerald: "green stone",
  sapphire: "blue stone",
  ruby: "red stone",
  gemstone: "gemstone",
};

export function gemColorShift(ctx: GuardContext): Warning[] {
  const { w, h } = ctx.work;
  const t = ctx.t;
  const minArea = Math.max(12, t.gemMinAreaFraction! * w * h);
  const out: Warning[] = [];
  const labeled = labelComponents(ctx.regions.gem, w, h, minArea);
  const comparisons = compareComponents(ctx.work.expectedLin, ctx.work.afterLin, labeled);
  const hues = stoneHues(ctx.work.expectedLab, ctx.work.afterLab, ctx.regions.specular, labeled);
  for (const [k, comp] of labeled.comps.entries()) {
    const c = comparisons[k]!;
    const kind = gemKind(c.expectedLch[2]);
    let sev = grade(c.deltaE, t.gemDeltaENote!, t.gemDeltaEWarn!);
    let why = "";
    let fired: { value: number; limit: number; measure: string } = {
      value: c.deltaE,
      limit: t.gemDeltaEWarn!,
      measure: "ΔE00",
    };
    // The stone's own pixels turned together: a hue slider, whatever the mean's ΔE says.
    const turn = hues[k]!;
    if (turn.n >= t.gemHueMinPixels! && Math.abs(turn.dHue) > t.gemPixelHueWarn!) {
      out.push(
        warning(
          "GEM_COLOR_SHIFT",
          "warning",
          `A ${NAMES[kind]}'s hue turned by ${round(Math.abs(turn.dHue), 1)}° (median over ${turn.n} of its pixels; ΔE00 of its mean ${round(c.deltaE, 1)}). ` +
            "Gem color is graded and priced; a retouched stone that looks different from the real one misleads buyers.",
          Math.abs(turn.dHue),
          t.gemPixelHueWarn!,
          { kind: "box", box: scaleBox(ctx, comp.box) },
          "hue turn (°)",
        ),
      );
      continue;
    }
    // Hue rules need a visible change too: on a dull stone a few degrees of hue is noise.
    // The mean's hue also moves when the stone's pixels only lose or gain chroma unevenly; where its
    // own pixels are measured, they must have turned past the same limit (tamar_earring_0274's violet
    // glass bead: mean 5.2° toward violet in OKLCh, its pixels 3.5°, ΔE00 1.6, after an honest white balance).
    const pixelsTurned = turn.n < t.gemHueMinPixels! || Math.abs(turn.dHue) > t.gemHueRiseWarn!;
    const visible = c.deltaE >= t.gemDeltaENote! * 0.67 && pixelsTurned;
    if (visible && kind === "emerald") {
      const crosses = c.expectedLch[2] < t.gemEmeraldTealHue! && c.afterLch[2] >= t.gemEmeraldTealHue!;
      if (c.dHueDeg > t.gemHueRiseWarn! || crosses) {
        sev = "warning";
        why = ` Its hue rose by ${round(c.dHueDeg, 1)}° (to ${round(c.afterLch[2], 0)}°): it is drifting from green toward teal.`;
        fired =
          crosses && c.dHueDeg <= t.gemHueRiseWarn!
            ? { value: c.afterLch[2], limit: t.gemEmeraldTealHue!, measure: "hue angle (°)" }
            : { value: c.dHueDeg, limit: t.gemHueRiseWarn!, measure: "hue rise (°)" };
      }
    } else if (visible && kind === "sapphire" && c.dOkHueDeg > t.gemSapphireOkHueWarn!) {
      sev = "warning";
      why = ` Its hue moved ${round(c.dOkHueDeg, 1)}° toward violet.`;
      fired = { value: c.dOkHueDeg, limit: t.gemSapphireOkHueWarn!, measure: "OKLCh hue toward violet (°)" };
    } else if (visible && Math.abs(c.dHueDeg) > t.gemHueRiseWarn! && c.expectedLch[1] > 25) {
      sev = "warning";
      why = ` Its hue moved by ${round(c.dHueDeg, 1)}°.`;
      fired = { value: Math.abs(c.dHueDeg), limit: t.gemHueRiseWarn!, measure: "hue change (°)" };
    }
    if (!sev) continue;
    out.push(
      warning(
        "GEM_COLOR_SHIFT",
        sev,
        `A ${NAMES[kind]}'s color changed by ΔE00 ${round(c.deltaE, 1)}.${why} ` +
          "Gem color is graded and priced; a retouched stone that looks different from the real one misleads buyers.",
        fired.value,
        fired.limit,
        { kind: "box", box: scaleBox(ctx, comp.box) },
        fired.measure,
      ),
    );
  }
  return out;
}
