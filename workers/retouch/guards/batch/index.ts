// Batch guards over the per-image summaries the engine stores (see summarize.ts).
import type { Warning } from "../../types";
import type { BatchImageSummary } from "../input";
import { resolveThresholds } from "../thresholds";
import { backgroundVariation } from "./background-variation";
import { edgeOutlier } from "./edge-outlier";
import { exposureDrift } from "./exposure-drift";
import { framing } from "./framing";

export function runBatchGuards(
  images: BatchImageSummary[],
  overrides?: Partial<Record<string, number>>,
): Array<Warning & { imageIds: string[] }> {
  const t = resolveThresholds(overrides);
  if (images.length < 2) return [];
  return [
    ...exposureDrift(images, t),
    ...backgroundVariation(images, t),
    ...edgeOutlier(images, t),
    ...framing(images, t),
  ];
}
