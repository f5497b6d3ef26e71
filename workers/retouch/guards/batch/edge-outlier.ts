// BATCH_EDGE_OUTLIER: photos whose outline sharpness is far below the batch's (robust z-score below
// −`batchEdgeRobustZ`): usually a missed focus or a cut-out that went soft, and it stands out next
// to crisp neighbours.
import type { Warning } from "../../types";
import type { BatchImageSummary } from "../input";
import type { Thresholds } from "../thresholds";
import { mad, median } from "./median";

export function edgeOutlier(images: BatchImageSummary[], t: Thresholds): Array<Warning & { imageIds: string[] }> {
  if (images.length < 4) return [];
  const v = images.map((i) => i.edgeScore);
  const m = median(v);
  // A floor on the spread: in a very uniform batch a tiny difference must not count as an outlier.
  const s = Math.max(mad(v), 0.1 * Math.abs(m), 1e-6);
  const z = v.map((x) => (x - m) / s);
  const ids = images.filter((_, k) => z[k]! < -t.batchEdgeRobustZ!).map((i) => i.id);
  if (ids.length === 0) return [];
  const worst = Math.min(...z);
  return [
    {
      code: "BATCH_EDGE_OUTLIER",
      severity: "warning",
      message: `${ids.length} photo${ids.length > 1 ? "s have" : " has"} much softer outlines than the rest of the batch (robust z ${worst.toFixed(1)}): check focus and the cut-out around prongs and links.`,
      value: Math.round(worst * 1000) / 1000,
      threshold: -t.batchEdgeRobustZ!,
      region: { kind: "image" },
      imageIds: ids,
    },
  ];
}
