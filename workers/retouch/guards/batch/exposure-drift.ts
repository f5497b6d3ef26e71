// BATCH_EXPOSURE_DRIFT: images whose exposure gain differs from the batch's median by more than
// `batchExposureStops` stops. Large corrections amplify noise and clip highlights, and they mean the
// original shoot drifted (light or camera changed) — worth re-shooting those pieces.
import type { Warning } from "../../types";
import type { BatchImageSummary } from "../input";
import type { Thresholds } from "../thresholds";
import { median } from "./median";

export function exposureDrift(images: BatchImageSummary[], t: Thresholds): Array<Warning & { imageIds: string[] }> {
  const stops = images.map((i) => Math.log2(Math.max(1e-6, i.exposure)));
  const m = median(stops);
  const limit = t.batchExposureStops!;
  const out = images.filter((_, k) => Math.abs(stops[k]! - m) > limit);
  if (out.length === 0) return [];
  const worst = Math.max(...out.map((i) => Math.abs(Math.log2(Math.max(1e-6, i.exposure)) - m)));
  return [
    {
      code: "BATCH_EXPOSURE_DRIFT",
      severity: "warning",
      message: `${out.length} photo${out.length > 1 ? "s were" : " was"} shot up to ${worst.toFixed(1)} stops away from the rest of the batch and needed a strong exposure correction, which adds noise and can clip highlights.`,
      value: Math.round(worst * 1000) / 1000,
      threshold: limit,
      region: { kind: "image" },
      imageIds: out.map((i) => i.id),
    },
  ];
}
