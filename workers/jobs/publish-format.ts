// What Loupe writes in place of a Shopify photo: the original's format and file extension (fileUpdate
// keeps the file's URL, so the extension must match), within Shopify's product-image limits
// (JPG/PNG/WebP here, at most 20 megapixels). TIFF and PSD results are downloads only: never published.
import sharp from "sharp";
import { PermanentJobError } from "./context";

export const MAX_SHOPIFY_PIXELS = 20_000_000;

const EXT_BY_MIME: Record<string, string> = { "image/jpeg": "jpg", "image/png": "png", "image/webp": "webp" };
const MIME_BY_EXT: Record<string, string> = {
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
};

export interface ShopifyImage {
  bytes: Buffer;
  mimeType: string;
  /** The extension of the original file on Shopify's CDN (jpg, jpeg, png, webp). */
  ext: string;
}

/** The original's format on Shopify: its URL's extension, else the type it was downloaded with. */
export function originalFormat(
  sourceUrl: string | null,
  downloadedMime: string | null,
): { mimeType: string; ext: string } | null {
  let ext = "";
  try {
    ext = sourceUrl ? (new URL(sourceUrl).pathname.split(".").pop() ?? "").toLowerCase() : "";
  } catch {
    ext = "";
  }
  if (MIME_BY_EXT[ext]) return { mimeType: MIME_BY_EXT[ext]!, ext };
  if (downloadedMime && EXT_BY_MIME[downloadedMime])
    return { mimeType: downloadedMime, ext: EXT_BY_MIME[downloadedMime]! };
  return null;
}

/** The result as Shopify takes it in place of the original, or a PermanentJobError saying why not. */
export async function forShopify(
  bytes: Buffer,
  resultMime: string,
  original: { mimeType: string; ext: string } | null,
  background = "#ffffff",
): Promise<ShopifyImage> {
  if (!original)
    throw new PermanentJobError(
      "Loupe replaces only JPG, PNG and WebP photos in Shopify, and this photo is in another format. Download the retouched file instead.",
    );
  if (!EXT_BY_MIME[resultMime]) {
    throw new PermanentJobError(
      `This result is a ${resultMime.split("/")[1]?.toUpperCase() ?? "file"} for download only; Shopify product photos are JPG, PNG or WebP. Choose JPG, PNG or WebP in Settings and run the image again to publish it.`,
    );
  }
  const meta = await sharp(bytes).metadata();
  const pixels = (meta.width ?? 0) * (meta.height ?? 0);
  if (pixels > MAX_SHOPIFY_PIXELS) {
    throw new PermanentJobError(
      `The retouched image is ${meta.width}×${meta.height} (${(pixels / 1e6).toFixed(1)} MP), above Shopify's 20-megapixel limit. Choose a smaller output size in Settings and run it again.`,
    );
  }
  if (resultMime === original.mimeType) return { bytes, mimeType: resultMime, ext: original.ext };
  const img = sharp(bytes);
  const out =
    original.mimeType === "image/jpeg"
      ? await img.flatten({ background }).jpeg({ quality: 92, chromaSubsampling: "4:4:4" }).toBuffer()
      : original.mimeType === "image/png"
        ? await img.png().toBuffer()
        : await img.webp({ quality: 92 }).toBuffer();
  return { bytes: out, mimeType: original.mimeType, ext: original.ext };
}
