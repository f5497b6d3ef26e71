// Stage 1 — decode: any supported file → upright 8-bit sRGB RGB, with notes on what was done.
// Header-only checks (size, pixel count) run before any pixel is decoded, so a decompression bomb
// costs nothing.
import { readFile } from "node:fs/promises";
import sharp from "sharp";
import type { Image8 } from "./types";
import { RetouchInputError } from "./errors";

/** Shopify caps product images at 20 MP; 40 MP leaves room for camera originals. */
export const MAX_PIXELS = 40_000_000;
export const MIN_SIDE = 32;

export interface Decoded {
  image: Image8;
  format: string;
  notes: string[];
  /** The same upright sRGB pixels decoded straight to a smaller size (JPEG shrink-on-load). */
  resized: (width: number, height: number, kernel: "lanczos3" | "cubic") => Promise<Buffer>;
}

function uprightSrgb(buf: Buffer): sharp.Sharp {
  // failOn "truncated" so a cut-off JPEG is reported instead of silently grey-filled.
  return sharp(buf, { limitInputPixels: MAX_PIXELS + 1, failOn: "truncated", page: 0, pages: 1 })
    .rotate()
    .flatten({ background: "#ffffff" })
    .toColourspace("srgb")
    .removeAlpha();
}

function classify(e: unknown): RetouchInputError {
  const msg = e instanceof Error ? e.message : String(e);
  if (/unsupported image format|bad seek|Input buffer contains unsupported/i.test(msg))
    return new RetouchInputError(
      "NOT_AN_IMAGE",
      "This file is not an image we can read. Upload a JPEG, PNG, WebP, TIFF, GIF or HEIC photo.",
    );
  if (/premature end|truncat|unexpected end|end of (file|stream)|Not enough|read error|short read/i.test(msg))
    return new RetouchInputError(
      "TRUNCATED",
      "This image file is incomplete (it was cut off during upload or copying). Upload the original file again.",
    );
  if (/pixel limit/i.test(msg))
    return new RetouchInputError(
      "TOO_MANY_PIXELS",
      "This image has too many pixels to process safely. Resize it to at most 40 megapixels and upload it again.",
    );
  return new RetouchInputError(
    "CORRUPT",
    "This image file is damaged and cannot be decoded. Export it again from your camera or editor and re-upload it.",
  );
}

export async function decodeInput(input: Uint8Array): Promise<Decoded> {
  if (input.byteLength === 0)
    throw new RetouchInputError("EMPTY", "The file is empty (0 bytes). Upload the photo again.");
  const buf = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  let meta: sharp.Metadata;
  try {
    meta = await sharp(buf, { limitInputPixels: false }).metadata();
  } catch (e) {
    throw classify(e);
  }
  const { width, height, format } = meta;
  if (!width || !height)
    throw new RetouchInputError("CORRUPT", "This image has no readable size. Export it again and re-upload it.");
  // For animations `height` is the whole strip; one frame is pageHeight.
  const frameHeight = meta.pageHeight && meta.pages && meta.pages > 1 ? meta.pageHeight : height;
  if (width * frameHeight > MAX_PIXELS) {
    const mp = ((width * frameHeight) / 1e6).toFixed(0);
    throw new RetouchInputError(
      "TOO_MANY_PIXELS",
      `This image is ${width}×${frameHeight} (${mp} megapixels), more than the 40 megapixels we can process. Resize it (Shopify shows at most 20 megapixels) and upload it again.`,
    );
  }
  if (width < MIN_SIDE || frameHeight < MIN_SIDE)
    throw new RetouchInputError(
      "TOO_SMALL",
      `This image is only ${width}×${frameHeight} pixels. Upload a photo at least 500 pixels on its shorter side.`,
    );

  const notes: string[] = [];
  if (meta.pages && meta.pages > 1)
    notes.push(`Animated ${format}: only the first of ${meta.pages} frames was retouched.`);
  if (meta.space === "cmyk") notes.push("CMYK image converted to sRGB.");
  if (meta.icc) notes.push("Embedded color profile converted to sRGB.");
  if (meta.depth && /16|ushort|short/.test(String(meta.depth)))
    notes.push("16-bit image reduced to 8 bits per channel.");
  if (meta.channels && meta.channels <= 2 && meta.space !== "cmyk") notes.push("Greyscale image expanded to RGB.");
  if (meta.hasAlpha && format !== "gif") notes.push("Transparent areas were treated as white.");
  if (meta.orientation && meta.orientation > 1)
    notes.push(`Rotated upright from EXIF orientation ${meta.orientation}.`);

  try {
    const { data, info } = await uprightSrgb(buf).raw({ depth: "uchar" }).toBuffer({ resolveWithObject: true });
    if (info.channels !== 3) throw new Error(`unexpected channel count ${info.channels}`);
    return {
      image: {
        width: info.width,
        height: info.height,
        channels: 3,
        data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
      },
      format: format ?? "unknown",
      notes,
      resized: (w, h, kernel) =>
        uprightSrgb(buf).resize(w, h, { fit: "fill", kernel }).raw({ depth: "uchar" }).toBuffer(),
    };
  } catch (e) {
    throw classify(e);
  }
}

/** A file's upright sRGB pixels (the same decoding as a retouch's input, with its plain errors). */
export async function decodeFile(path: string): Promise<Image8> {
  return (await decodeInput(await readFile(path))).image;
}
