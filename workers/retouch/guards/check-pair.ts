// The check CLI's comparison of two photos from any retoucher: the matte is estimated from the pair
// (estimateMatte), the gains from the backdrop. Kept apart from the CLI so that tests run the same
// path as `npm run check`.
import type { Image8, ProductContext, Warning } from "../types";
import { matteFromDistances, surfaceDistances } from "./matte-estimate";
import { pieceAreaLost } from "./piece-area-lost";
import { propKept } from "./prop-kept";
import { resolveThresholds } from "./thresholds";
import { registerAfter, resampleAfter, type Registration } from "./register";
import { runGuards } from "./run";
import { checkVerdict, type CheckVerdict } from "./check-verdict";

export interface CheckOptions {
  reference?: Image8 | null;
  product?: ProductContext;
}

export interface CheckResult {
  warnings: Warning[];
  /** How the after was put onto the before's geometry, and a sentence saying so. */
  registration: Registration & { afterSize: [number, number]; note: string };
  /** One plain verdict that agrees with the warnings (check-verdict.ts). */
  verdict: CheckVerdict;
}

export function checkPair(before: Image8, after: Image8, opts: CheckOptions = {}): CheckResult {
  const reg = registerAfter(before, after);
  const mapped = reg.applied ? resampleAfter(after, before.width, before.height, reg) : after;
  const d = surfaceDistances(before, mapped);
  const warnings = runGuards({
    before,
    after: mapped,
    alpha: matteFromDistances(d, before.width, before.height),
    reference: opts.reference ?? null,
    product: opts.product,
  });
  const t = resolveThresholds();
  warnings.push(...pieceAreaLost(d, t), ...propKept(d, t));
  // Unmatched pixels would be compared with something else: say so, and claim nothing over a limit.
  if (reg.applied && reg.ncc < MIN_NCC) for (const w of warnings) w.severity = "note";
  const note = reg.applied
    ? `The result (${after.width}×${after.height}) was registered onto the original (${before.width}×${before.height}) by the piece's silhouette: ` +
      `scale ${round(1 / reg.scale)}, outlines overlap ${round(reg.iou * 100)} %, piece correlation ${round(reg.ncc)}.` +
      (reg.ncc < MIN_NCC
        ? " The two could not be matched reliably (a busy surface, a crop or a different piece): the findings are shown as notes."
        : "")
    : "Same size and framing: compared pixel for pixel.";
  const verdict = checkVerdict(warnings, !reg.applied || reg.ncc >= MIN_NCC);
  return { warnings, registration: { ...reg, afterSize: [after.width, after.height], note }, verdict };
}

/** Piece luminance correlation under which the registration is not trusted. */
const MIN_NCC = 0.9;

function round(v: number): number {
  return Math.round(v * 100) / 100;
}
