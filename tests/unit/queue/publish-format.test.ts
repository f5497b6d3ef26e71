// What Loupe writes in place of a Shopify photo: the original's format and extension, within
// Shopify's limits; TIFF/PSD results and non-JPG/PNG/WebP originals are never published.
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { forShopify, originalFormat } from "../../../workers/jobs/publish-format";

const img = (w: number, h: number) =>
  sharp({ create: { width: w, height: h, channels: 4, background: { r: 200, g: 180, b: 90, alpha: 0.5 } } });

describe("originalFormat", () => {
  it("takes the extension of the file on Shopify's CDN, else the type it was downloaded with", () => {
    expect(originalFormat("https://cdn.shopify.com/s/files/1/0000/1/files/ring.jpeg?v=3", "image/jpeg")).toEqual({
      mimeType: "image/jpeg",
      ext: "jpeg",
    });
    expect(originalFormat("https://cdn.shopify.com/s/files/1/0000/1/files/ring.PNG?v=1", null)).toEqual({
      mimeType: "image/png",
      ext: "png",
    });
    expect(originalFormat("https://cdn.shopify.com/s/files/1/0000/1/files/ring?v=1", "image/webp")).toEqual({
      mimeType: "image/webp",
      ext: "webp",
    });
    expect(originalFormat("https://cdn.shopify.com/s/files/1/0000/1/files/ring.gif?v=1", "image/gif")).toBeNull();
  });
});

describe("forShopify", () => {
  it("converts a PNG result to the JPEG original's format, flattened on the background, keeping its extension", async () => {
    const out = await forShopify(
      await img(64, 48).png().toBuffer(),
      "image/png",
      { mimeType: "image/jpeg", ext: "jpeg" },
      "#ffffff",
    );
    const meta = await sharp(out.bytes).metadata();
    expect([out.mimeType, out.ext, meta.format, meta.width, meta.height, meta.hasAlpha]).toEqual([
      "image/jpeg",
      "jpeg",
      "jpeg",
      64,
      48,
      false,
    ]);
  });

  it("keeps a result already in the original's format byte for byte", async () => {
    const bytes = await img(32, 32).webp().toBuffer();
    const out = await forShopify(bytes, "image/webp", { mimeType: "image/webp", ext: "webp" });
    expect(out.bytes.equals(bytes)).toBe(true);
  });

  it("never publishes TIFF/PSD results, other original formats, or more than 20 megapixels", async () => {
    const tiff = await img(16, 16).tiff().toBuffer();
    await expect(forShopify(tiff, "image/tiff", { mimeType: "image/jpeg", ext: "jpg" })).rejects.toThrow(
      /^This result is a TIFF for download only/,
    );
    await expect(forShopify(tiff, "image/vnd.adobe.photoshop", { mimeType: "image/jpeg", ext: "jpg" })).rejects.toThrow(
      /for download only/,
    );
    await expect(forShopify(await img(16, 16).png().toBuffer(), "image/png", null)).rejects.toThrow(
      /^Loupe replaces only JPG, PNG and WebP photos/,
    );
    const big = await sharp({ create: { width: 5000, height: 4001, channels: 3, background: "#fff" } })
      .jpeg({ quality: 30 })
      .toBuffer();
    await expect(forShopify(big, "image/jpeg", { mimeType: "image/jpeg", ext: "jpg" })).rejects.toThrow(
      "The retouched image is 5000×4001 (20.0 MP), above Shopify's 20-megapixel limit. Choose a smaller output size in Settings and run it again.",
    );
  });
});
