// SPARKLE_LOST: the original's glints, each measured by its excess luminance over its surroundings,
// and how much of that excess the result keeps (a highlight is "kept" at ≥ 70 % of its excess,
// docs/measures.md). Flattened highlights make diamonds look like glass and metal look dull.
import type { Box, Warning } from "../types";
import { grade, round, scaleBox, warning, type GuardContext } from "./context";
import { excessNear } from "./highlights";
import { sparkleAnalysis, type SparkleAnalysis } from "./sparkle";

/**
 * Catchlights painted over one by one (a healing brush): on a piece with many highlights the share of
 * the sparkle kept barely moves, but each strong catchlight — at least a quarter of the brightest
 * one's excess and 0.1 of linear luminance — whose own brightness (3×3 mean, best within 1 px) fell
 * by more than 70 % of its excess, and which keeps under 30 % of its excess over its surround, is
 * gone. Both: where the backdrop changed (black velvet to white) the surround of an outline glint
 * brightens though its peak does not dim; where a result compresses its highlights (Loupe's composite
 * of tamar_necklace_0114, `bench/guards-labels.ts --check`: 8 "gone" by the peak alone) the peak
 * dims though it still stands out.
 */
function strongGone(s: SparkleAnalysis, w: number, h: number): number {
  const top = s.expectedWidePeaks.reduce((m, p) => Math.max(m, p.excess), 0);
  let n = 0;
  for (const p of s.expectedWidePeaks) {
    if (p.excess < Math.max(STRONG_ABS, STRONG_REL * top)) continue;
    const dimmed = maxNear(s.after.Y, w, h, p.i) < s.expected.Y[p.i]! - (1 - GONE_KEPT) * p.excess;
    if (dimmed && excessNear(s.afterWide, w, h, p.i, 1) < GONE_KEPT * p.excess) n++;
  }
  return n;
}

/**
 * The excess a catchlight keeps by its own brightness: the original's peak less what the result's
 * peak (3×3 mean, best within 1 px) lost. A retouch that puts the piece on another background
 * changes the surround of a glint on a thin chain or next to a gap (the white studio mixed into the
 * links' edge pixels lifts it) while the glint itself is as bright as it was; painting it over or
 * smoothing it dims the peak itself.
 */
function litKept(s: SparkleAnalysis, w: number, h: number, p: { i: number; excess: number }): number {
  const drop = s.expected.Y[p.i]! - maxNear(s.after.Y, w, h, p.i);
  return Math.max(0, p.excess - Math.max(0, drop));
}

/** Largest value within 1 px of pixel i. */
function maxNear(Y: Float32Array, w: number, h: number, i: number): number {
  const px = i % w;
  const py = (i - px) / w;
  let m = 0;
  for (let y = Math.max(0, py - 1); y <= Math.min(h - 1, py + 1); y++)
    for (let x = Math.max(0, px - 1); x <= Math.min(w - 1, px + 1); x++) m = Math.max(m, Y[y * w + x]!);
  return m;
}

const STRONG_ABS = 0.1;
const STRONG_REL = 0.25;
const GONE_KEPT = 0.3;
/**
 * Strong catchlights gone for a warning. Calibration half of the independent photos
 * (tests/fixtures/guards/indep, `report.ts --photo`): painted over, tamar_earring_0170 loses 4,
 * tamar_necklace_0032 6, tamar_necklace_0114 19; no honest retouch warns by this rule (read against the
 * surround instead of on the peak, the honest black-velvet pendants and necklace_0032 lost 3–37).
 */
const GONE_WARN = 3;

function goneWarning(ctx: GuardContext, gone: number, checked: number, boxes: Box[]): Warning {
  return warning(
    "SPARKLE_LOST",
    "warning",
    `${gone} of the original's strongest highlights are gone from the result (${checked} highlights checked). ` +
      "Sparkle is how buyers read stones and polished metal; painted-over catchlights make the piece look dull.",
    gone,
    GONE_WARN,
    boxes.length ? { kind: "boxes", boxes } : { kind: "image" },
    "strong highlights gone",
  );
}

export function sparkleLost(ctx: GuardContext): Warning[] {
  const s = sparkleAnalysis(ctx);
  const { w, h } = ctx.work;
  const t = ctx.t;
  if (s.expectedWidePeaks.length < t.sparkleMinHighlights!) return [];
  let before = 0;
  let kept = 0;
  const lostBoxes: Box[] = [];
  for (const p of s.expectedWidePeaks) {
    const e = Math.max(excessNear(s.afterWide, w, h, p.i, 1), litKept(s, w, h, p));
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
  const gone = strongGone(s, w, h);
  if (gone >= GONE_WARN && sev !== "warning") {
    return [goneWarning(ctx, gone, s.expectedWidePeaks.length, lostBoxes)];
  }
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
