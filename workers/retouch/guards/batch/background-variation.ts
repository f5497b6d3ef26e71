// BATCH_BACKGROUND_VARIATION: result backgrounds that differ from the batch's median background by
// more than ΔE00 `batchBackgroundDeltaE`. On a collection page, side-by-side tiles of slightly
// different whites are the first thing a shopper's eye catches.
import { deltaE2000 } from "../../color";
import type { Warning } from "../../types";
import type { BatchImageSummary } from "../input";
import type { Thresholds } from "../thresholds";
import { median } from "./median";

export function backgroundVariation(
  images: BatchImageSummary[],
  t: Thresholds,
): Array<Warning & { imageIds: string[] }> {
  if (images.length < 2) return [];
  const m = [0, 1, 2].map((c) => median(images.map((i) => i.backgroundLab[c]!))) as [number, number, number];
  const d = images.map((i) => deltaE2000(i.backgroundLab[0], i.backgroundLab[1], i.backgroundLab[2], m[0], m[1], m[2]));
  const limit = t.batchBackgroundDeltaE!;
  const ids = images.filter((_, k) => d[k]! > limit).map((i) => i.id);
  if (ids.length === 0) return [];
  const worst = Math.max(...d);
  return [
    {
      code: "BATCH_BACKGROUND_VARIATION",
      severity: "warning",
      message: `The background of ${ids.length} photo${ids.length > 1 ? "s differs" : " differs"} from the rest of the batch (up to ΔE00 ${worst.toFixed(1)}). Mismatched backgrounds are visible side by side on a collection page.`,
      value: Math.round(worst * 1000) / 1000,
      threshold: limit,
      region: { kind: "image" },
      imageIds: ids,
    },
  ];
}
