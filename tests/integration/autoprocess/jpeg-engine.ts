// A stand-in for the retouching engine that returns real image bytes (slightly brightened JPEG, PNG
// cutout, thumbnail) without the segmentation model, and no guard warnings: under the publish
// policy the worker publishes its result automatically.
import sharp from "sharp";
import type { EnginePort, RetouchOutput } from "../../../workers/jobs/deps";

export function jpegEngine(): EnginePort & { calls: number } {
  const engine = {
    calls: 0,
    async retouch(input: Uint8Array): Promise<RetouchOutput> {
      engine.calls++;
      const img = sharp(Buffer.from(input));
      const { width = 0, height = 0 } = await img.metadata();
      const [composite, cutoutPng, thumbnail] = await Promise.all([
        img.clone().modulate({ brightness: 1.05 }).jpeg({ quality: 90 }).toBuffer(),
        img.clone().ensureAlpha().png().toBuffer(),
        img.clone().resize(200, 200, { fit: "inside" }).jpeg().toBuffer(),
      ]);
      return { composite, cutoutPng, thumbnail, compositeMime: "image/jpeg", compositeExt: "jpg", width, height, report: { warnings: [] } as unknown as RetouchOutput["report"] };
    },
    async close() {},
  };
  return engine;
}
