// BATCH_FRAMING: pieces that fill the frame very differently from the batch (relative fill change
// beyond `batchFramingFillRel`) or sit off the batch's usual centre (beyond `batchFramingCenterShift`
// of the canvas). A grid of products reads as a catalogue only when the framing is consistent.
import type { Warning } from "../../types";
import type { BatchImageSummary } from "../input";
import type { Thresholds } from "../thresholds";
import { median } from "./median";

export function framing(images: BatchImageSummary[], t: Thresholds): Array<Warning & { imageIds: string[] }> {
  if (images.length < 3) return [];
  const fill = images.map((i) => i.framing.fill);
  const cx = images.map((i) => (i.framing.box.x + i.framing.box.w / 2) / i.framing.width);
  const cy = images.map((i) => (i.framing.box.y + i.framing.box.h / 2) / i.framing.height);
  const mf = median(fill);
  const mx = median(cx);
  const my = median(cy);
  let worst = 0;
  const ids: string[] = [];
  images.forEach((img, k) => {
    const rel = mf > 0 ? Math.abs(fill[k]! - mf) / mf : 0;
    const shift = Math.hypot(cx[k]! - mx, cy[k]! - my);
    const score = Math.max(rel / t.batchFramingFillRel!, shift / t.batchFramingCenterShift!);
    if (score > 1) {
      ids.push(img.id);
      worst = Math.max(worst, rel);
    }
  });
  if (ids.length === 0) return [];
  return [
    {
      code: "BATCH_FRAMING",
      severity: "warning",
      message: `${ids.length} photo${ids.length > 1 ? "s are" : " is"} framed differently from the rest of the batch (piece size or position on the canvas). Consistent framing makes a collection page look professional.`,
      value: Math.round(worst * 1000) / 1000,
      threshold: t.batchFramingFillRel!,
      region: { kind: "image" },
      imageIds: ids,
    },
  ];
}
