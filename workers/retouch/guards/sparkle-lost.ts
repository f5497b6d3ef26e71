// SPARKLE_LOST: the original's glints, each measured by its excess luminance over its surroundings,
// and how much of that excess the result keeps (a highlight is "kept" at ≥ 70 % of its excess,
// docs/measures.md). Flattened highlights make diamonds look like glass and metal look dull.
import type { Box, Warning } from "../types";
import { grade, round, scaleBox, warning, type GuardContext } from "./context";
import { excessNear } from "./highlights";
import { sparkleAnalysis } from "./sparkle";

export function sparkleLost(ctx: GuardContext): Warning[] {
  const s = sparkleAnalysis(ctx);
  const { w, h } = ctx.work;
  const t = ctx.t;
  if (s.expectedWidePeaks.length < t.sparkleMinHighlights!) return [];
  let before = 0;
  let kept = 0;
  const lostBoxes: Box[] = [];
  for (const p of s.expectedWidePeaks) {
    const e = excessNear(s.afterWide, w, h, p.i, 1);
    before += p.excess;
    kept += Math.min(e, p.excess);
    if (e < 0.7 * p.excess && lostBoxes.length < 20) {
      const x = p.i % w;
      lostBoxes.push(scaleBox(ctx, { x: Math.max(0, x - 3), y: Math.max(0, (p.i - x) / w - 3), w: 7, h: 7 }));
    }
  }
  const keptShare = before > 0 ? kept / before : 1;
  const loss = 1 - keptShare;
  const minKept = t.sparkleKeptWarn!;
  let sev = grade(loss, 1 - t.sparkleKeptNote!, 1 - minKept);
  // With only a couple of highlights the share is too noisy to be more than a note.
  if (sev === "warning" && s.expectedWidePeaks.length < 2 * t.sparkleMinHighlights!) sev = "note";
  if (!sev) return [];
  return [
    warning(
      "SPARKLE_LOST",
      sev,
      `The highlights are flatter: only ${round(keptShare * 100, 0)} % of the original sparkle remains (${s.expectedWidePeaks.length} highlights checked). ` +
        "Sparkle is how buyers read stones and polished metal; flattened highlights make the piece look dull or fake.",
      keptShare,
      minKept,
      lostBoxes.length ? { kind: "boxes", boxes: lostBoxes } : { kind: "image" },
      "share of sparkle kept",
    ),
  ];
}
