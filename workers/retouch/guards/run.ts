// runGuards: prepare the shared analysis once, then run every guard on it.
import type { Warning } from "../types";
import type { GuardContext } from "./context";
import { resolveGains, medianLinear } from "./gains";
import type { BatchImageSummary, GuardInput } from "./input";
import { summaryOfWork } from "./summarize";
import { coarseBackground } from "./masks";
import { analyzeRegions } from "./regions";
import { resolveThresholds, type ThresholdOverrides } from "./thresholds";
import { trimScratch } from "../pixels/scratch";
import { completeWork, prepareBase } from "./work";
import { LINEAR_LUT } from "../color";
import { metalToneShift } from "./metal-tone-shift";
import { metalTypeMismatch } from "./metal-type-mismatch";
import { gemColorShift } from "./gem-color-shift";
import { sparkleLost } from "./sparkle-lost";
import { sparkleAdded } from "./sparkle-added";
import { halo } from "./halo";
import { edgeSoft } from "./edge-soft";
import { textureLost } from "./texture-lost";
import { shadowCast } from "./shadow-cast";
import { referenceMismatch } from "./reference-mismatch";

export const GUARDS: Array<(ctx: GuardContext) => Warning[]> = [
  metalToneShift,
  metalTypeMismatch,
  gemColorShift,
  sparkleLost,
  sparkleAdded,
  halo,
  edgeSoft,
  textureLost,
  shadowCast,
  referenceMismatch,
];

export function buildContext(input: GuardInput, overrides?: Partial<Record<string, number>>): GuardContext {
  const t = resolveThresholds(overrides);
  const base = prepareBase(input.before, input.after, input.alpha, t.workMaxPixels!, t.workLargePixels!);
  const gains = resolveGains(base, input.gains);
  const work = completeWork(base, gains);
  const regions = analyzeRegions(work);
  const c = work.coarse;
  const bg = coarseBackground(c);
  const backdropLin: [number, number, number] = input.backdrop
    ? [byteLin(input.backdrop[0]), byteLin(input.backdrop[1]), byteLin(input.backdrop[2])]
    : (medianLinear(c.beforeLin, bg) ?? [1, 1, 1]);
  const studioLin = medianLinear(c.afterLin, bg) ?? [1, 1, 1];
  return { input, work, regions, gains, t, backdropLin, studioLin };
}

export function runGuards(input: GuardInput, overrides?: Partial<Record<string, number>>): Warning[] {
  try {
    const ctx = buildContext(input, overrides);
    return GUARDS.flatMap((g) => g(ctx));
  } finally {
    trimScratch();
  }
}

/**
 * runGuards and summarizeForBatch over one reading of the pair (the summary from the guards' own
 * working view: the same values, without preparing the pair twice).
 */
export function runGuardsAndSummary(
  input: GuardInput,
  overrides?: ThresholdOverrides,
): { warnings: Warning[]; summary: Omit<BatchImageSummary, "id"> } {
  try {
    const ctx = buildContext(input, overrides);
    const summary = summaryOfWork(ctx.work, ctx.work.afterL, input.gains ?? ctx.gains, input.after);
    return { warnings: GUARDS.flatMap((g) => g(ctx)), summary };
  } finally {
    trimScratch();
  }
}

function byteLin(v: number): number {
  return LINEAR_LUT[Math.max(0, Math.min(255, Math.round(v)))]!;
}
