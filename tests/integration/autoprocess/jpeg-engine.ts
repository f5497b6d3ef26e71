// A stand-in for the retouching engine that returns real image bytes (slightly brightened JPEG, PNG
// cutout, thumbnail) without the segmentation model, and a report shaped like the engine's: the
// guards ran (timings.guards) and found nothing, so under the publish policy the worker publishes
// its result automatically. `warnings` lets a test make the guards speak, `guardsRan = false` leaves
// the guards out of the report, and `onRetouch` runs while the engine works (the merchant acting).
import sharp from "sharp";
import type { EnginePort, RetouchOutput } from "../../../workers/jobs/deps";
import { engineReport } from "../../fixtures/engine-report";

type Warnings = RetouchOutput["report"]["warnings"];

export function jpegEngine(): EnginePort & {
  calls: number;
  warnings: Warnings;
  guardsRan: boolean;
  onRetouch: (() => Promise<void>) | null;
} {
  const engine = {
    calls: 0,
    warnings: [] as Warnings,
    guardsRan: true,
    onRetouch: null as (() => Promise<void>) | null,
    async retouch(input: Uint8Array): Promise<RetouchOutput> {
      engine.calls++;
      await engine.onRetouch?.();
      const img = sharp(Buffer.from(input));
      const { width = 0, height = 0 } = await img.metadata();
      const [composite, cutoutPng, thumbnail] = await Promise.all([
        img.clone().modulate({ brightness: 1.05 }).jpeg({ quality: 90 }).toBuffer(),
        img.clone().ensureAlpha().png().toBuffer(),
        img.clone().resize(200, 200, { fit: "inside" }).jpeg().toBuffer(),
      ]);
      return {
        composite,
        cutoutPng,
        thumbnail,
        compositeMime: "image/jpeg",
        compositeExt: "jpg",
        width,
        height,
        report: report(width, height),
      };
    },
    async close() {},
  };
  const report = (width: number, height: number) => {
    const r = engineReport(width, height, engine.warnings);
    if (!engine.guardsRan) delete (r.timings as Record<string, number>).guards;
    return r;
  };
  return engine;
}
