// The bench's input photo: a ring fixture scaled to ~mp megapixels at 3:2, as a quality-92 JPEG
// (what merchants upload). Deterministic, so every process of a run times the same bytes.
import sharp from "sharp";
import { makeFixture } from "../tests/fixtures/jewelry";

export async function benchJpeg(mp: number): Promise<Buffer> {
  const f = makeFixture({ size: 900, layout: "ring", dust: 10, seed: 99 });
  const w = Math.round(Math.sqrt(mp * 1e6 * 1.5));
  const h = Math.round(w / 1.5);
  return sharp(f.image.data, { raw: { width: 900, height: 900, channels: 3 } })
    .resize(w, h, { fit: "fill" })
    .jpeg({ quality: 92 })
    .toBuffer();
}
