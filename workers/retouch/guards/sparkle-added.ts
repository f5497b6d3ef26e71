// SPARKLE_ADDED: glints in the result where the original had none. Loupe never invents detail: a
// painted-on star or glint promises a brilliance the real piece does not have, so any clear one warns.
import type { Box, Warning } from "../types";
import { scaleBox, warning, type GuardContext } from "./context";
import { excessNear } from "./highlights";
import { sparkleAnalysis } from "./sparkle";
import { linearRgbToLab } from "../color";

/** CIELAB distance under which a pixel shows the studio background (after) or the old surface (before). */
const GAP_DE = 8;

/**
 * A gap in a chain or filigree: the original shows its surface there and the result its studio
 * background. The background seen through a piece is no glint, even where the matte filled the gap;
 * nor is an outline pixel on black velvet that mixes the white studio instead of the velvet.
 */
function nearGap(ctx: GuardContext, i: number, S: [number, number, number], B: [number, number, number]): boolean {
  const w = ctx.work.w;
  const x = i % w;
  const y = (i - x) / w;
  for (let yy = Math.max(0, y - 2); yy <= Math.min(ctx.work.h - 1, y + 2); yy++)
    for (let xx = Math.max(0, x - 2); xx <= Math.min(w - 1, x + 2); xx++)
      if (isGap(ctx, yy * w + xx, S, B)) return true;
  return false;
}

function isGap(ctx: GuardContext, i: number, S: [number, number, number], B: [number, number, number]): boolean {
  const a = ctx.work.afterLab;
  const o = i * 3;
  if (Math.hypot(a[o]! - S[0], a[o + 1]! - S[1], a[o + 2]! - S[2]) > GAP_DE) return false;
  const b = ctx.work.beforeLin;
  const L = linearRgbToLab(b[o]!, b[o + 1]!, b[o + 2]!);
  return Math.hypot(L[0] - B[0], L[1] - B[1], L[2] - B[2]) <= GAP_DE;
}

export function sparkleAdded(ctx: GuardContext): Warning[] {
  const s = sparkleAnalysis(ctx);
  const { w, h } = ctx.work;
  const boxes: Box[] = [];
  let added = 0;
  const S = linearRgbToLab(...ctx.studioLin);
  const B = linearRgbToLab(...ctx.backdropLin);
  for (const p of s.afterPeaks) {
    // Strong and bright: noise and JPEG ringing make faint peaks, a fake glint is unmistakable.
    if (s.after.Y[p.i]! < 1.25 * s.after.surround[p.i]! || s.after.Y[p.i]! < 0.35) continue;
    // New, not a kept one: the original's excess right there is under half of the result's, and the
    // luminance rose clearly (JPEG ringing or a denoise never doubles a highlight).
    const was = excessNear(s.expected, w, h, p.i, 1);
    if (was >= 0.5 * p.excess || s.after.Y[p.i]! - s.expected.Y[p.i]! < 0.12) continue;
    // Next to a gap (or the outline): the studio background mixed into an edge pixel, not a glint.
    if (nearGap(ctx, p.i, S, B)) continue;
    added++;
    const x = p.i % w;
    if (boxes.length < 20)
      boxes.push(scaleBox(ctx, { x: Math.max(0, x - 4), y: Math.max(0, (p.i - x) / w - 4), w: 9, h: 9 }));
  }
  const max = ctx.t.sparkleAddedMaxCount!;
  if (added === 0) return [];
  return [
    warning(
      "SPARKLE_ADDED",
      added > max ? "warning" : "note",
      `${added} highlight${added > 1 ? "s" : ""} appear in the result that the original photo does not have. ` +
        "Added sparkle misrepresents the piece: buyers expect the brilliance they see.",
      added,
      max,
      { kind: "boxes", boxes },
      "new highlights",
    ),
  ];
}
