// Stage 8 — export: JPEG (sRGB, 4:4:4 so thin colored edges keep their chroma), PNG/WebP with
// alpha, 16-bit TIFF for the archive, layered PSD.
import sharp from "sharp";
import type { Framed } from "../compose/frame";
import type { RetouchSettings } from "../settings";
import { encodePsd } from "./psd";
import { srgbProfile, withIcc } from "./icc";

export interface Encoded {
  data: Buffer;
  mime: string;
  ext: string;
}

/**
 * The flat image on white, as RGB. When frame made it opaque RGB already, libvips skips flatten (a
 * float blend of every pixel, ~25 ms at 2048²): same pixels, since flatten leaves α = 255 alone.
 */
function flatRgb(f: Framed): sharp.Sharp {
  if (f.rgb) return sharp(f.rgb, { raw: { width: f.size, height: f.size, channels: 3 } });
  return sharp(f.flat, { raw: { width: f.size, height: f.size, channels: 4 } }).flatten({ background: "#ffffff" });
}

export async function encodeComposite(f: Framed, format: RetouchSettings["format"]): Promise<Encoded> {
  const img = () => sharp(f.flat, { raw: { width: f.size, height: f.size, channels: 4 } });
  switch (format) {
    case "jpg": {
      const [jpeg, icc] = await Promise.all([
        flatRgb(f).jpeg({ quality: 92, chromaSubsampling: "4:4:4", mozjpeg: false }).toBuffer(),
        srgbProfile(),
      ]);
      return { data: withIcc(jpeg, icc), mime: "image/jpeg", ext: "jpg" };
    }
    case "png":
      return {
        data: await img().withIccProfile("srgb").png({ compressionLevel: 6 }).toBuffer(),
        mime: "image/png",
        ext: "png",
      };
    case "webp":
      return {
        data: await img()
          .withIccProfile("srgb")
          .webp({ quality: 92, alphaQuality: 100, smartSubsample: true })
          .toBuffer(),
        mime: "image/webp",
        ext: "webp",
      };
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
  return sharp(rgba, { raw: { width, height, channels: 4 } })
    .withIccProfile("srgb")
    .png({ compressionLevel: 6 })
    .toBuffer();
}

export async function encodeThumbnail(f: Framed): Promise<Buffer> {
  return flatRgb(f).resize(400, 400, { fit: "inside" }).jpeg({ quality: 85 }).toBuffer();
}
