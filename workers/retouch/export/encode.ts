// Stage 8 — export: JPEG (sRGB, 4:4:4 so thin colored edges keep their chroma), PNG/WebP with
// alpha, 16-bit TIFF for the archive, layered PSD.
import sharp from "sharp";
import type { Framed } from "../compose/frame";
import type { RetouchSettings } from "../settings";
import { encodePsd } from "./psd";

export interface Encoded {
  data: Buffer;
  mime: string;
  ext: string;
}

export async function encodeComposite(f: Framed, format: RetouchSettings["format"]): Promise<Encoded> {
  const img = () => sharp(f.flat, { raw: { width: f.size, height: f.size, channels: 4 } });
  switch (format) {
    case "jpg":
      return {
        data: await img().flatten({ background: "#ffffff" }).withIccProfile("srgb").jpeg({ quality: 92, chromaSubsampling: "4:4:4", mozjpeg: false }).toBuffer(),
        mime: "image/jpeg",
        ext: "jpg",
      };
    case "png":
      return { data: await img().withIccProfile("srgb").png({ compressionLevel: 6 }).toBuffer(), mime: "image/png", ext: "png" };
    case "webp":
      return { data: await img().withIccProfile("srgb").webp({ quality: 92, alphaQuality: 100, smartSubsample: true }).toBuffer(), mime: "image/webp", ext: "webp" };
    case "tiff":
      return {
        data: await img().toColourspace("rgb16").withIccProfile("srgb").tiff({ compression: "lzw" }).toBuffer(),
        mime: "image/tiff",
        ext: "tiff",
      };
    case "psd":
      return { data: encodePsd(f), mime: "image/vnd.adobe.photoshop", ext: "psd" };
  }
}

export async function encodeCutout(rgba: Uint8Array, width: number, height: number): Promise<Buffer> {
  return sharp(rgba, { raw: { width, height, channels: 4 } }).withIccProfile("srgb").png({ compressionLevel: 6 }).toBuffer();
}

export async function encodeThumbnail(f: Framed): Promise<Buffer> {
  return sharp(f.flat, { raw: { width: f.size, height: f.size, channels: 4 } })
    .flatten({ background: "#ffffff" })
    .resize(400, 400, { fit: "inside" })
    .jpeg({ quality: 85 })
    .toBuffer();
}
