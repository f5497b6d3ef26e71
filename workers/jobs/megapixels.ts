// A photo's size in megapixels from its header alone (no decoding), for the engine's time budget.
// A file sharp cannot read counts as one megapixel: the engine refuses it quickly anyway.
import sharp from "sharp";

export async function megapixelsOf(bytes: Uint8Array): Promise<number> {
  try {
    const m = await sharp(bytes, { limitInputPixels: false }).metadata();
    return m.width && m.height ? (m.width * m.height) / 1e6 : 1;
  } catch {
    return 1;
  }
}
