// Every output format decodes to what it claims: JPEG 4:4:4 sRGB, PNG/WebP with alpha where the
// background is transparent, 16-bit TIFF, a layered PSD; the cutout matches the input's geometry.
import sharp from "sharp";
import { readPsd } from "ag-psd";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EnginePool, DEFAULT_SETTINGS } from "../../../workers/retouch/index";
import { makeFixture, fixturePng } from "../../fixtures/jewelry";

let pool: EnginePool;
let input: Buffer;

beforeAll(async () => {
  process.env.LOUPE_ENGINE_FAST = "1";
  pool = new EnginePool({ threads: 1 });
  input = await fixturePng(makeFixture({ size: 400, seed: 31 }));
});
afterAll(async () => {
  await pool.close();
  delete process.env.LOUPE_ENGINE_FAST;
});

describe("export", () => {
  it("defaults: a 4:4:4 sRGB JPEG on white of up to 2048² (never enlarged), cutout at input size, small thumbnail", async () => {
    expect(DEFAULT_SETTINGS).toEqual({
      background: "#ffffff",
      size: 2048,
      marginPct: 0.08,
      shadow: "none",
      shadowStrength: 0.5,
      upscale: false,
      format: "jpg",
      guardThresholds: {},
    });
    const o = await pool.retouch(input);
    const m = await sharp(o.composite).metadata();
    // A 400 px photo supports a canvas of its piece's side / 0.84, not 2048.
    const side = Math.ceil(Math.max(o.report.framing.box.w, o.report.framing.box.h) / 0.84);
    expect(o.report.framing.size).toBe(side);
    expect([m.format, m.width, m.height, m.chromaSubsampling, m.space]).toEqual(["jpeg", side, side, "4:4:4", "srgb"]);
    expect(m.icc).toBeDefined();
    expect(o.compositeMime).toBe("image/jpeg");
    const corner = await sharp(o.composite).extract({ left: 0, top: 0, width: 8, height: 8 }).raw().toBuffer();
    expect(Math.min(...corner)).toBeGreaterThanOrEqual(253);
    const c = await sharp(o.cutoutPng).metadata();
    expect([c.width, c.height, c.channels]).toEqual([400, 400, 4]);
    const t = await sharp(o.thumbnail).metadata();
    expect(Math.max(t.width!, t.height!)).toBeLessThanOrEqual(400);
    // Consistent margins: the piece's longer side spans (1 − 2·0.08) of the canvas.
    expect(o.report.framing.fill).toBeCloseTo(0.84, 2);
    // What the batch guards compare across a batch: the result's white background, a positive edge score.
    // The report names the segmenter that made the matte (this suite runs the fast stand-in).
    expect(o.report.segmenter).toMatch(/^fast-mask \d+px \(LOUPE_ENGINE_FAST=1\)$/);
    const b = o.report.batch!;
    expect(b.backgroundLab[0]).toBeGreaterThan(99);
    expect(b.edgeScore).toBeGreaterThan(0);
    expect([b.framing.width, b.framing.height]).toEqual([400, 400]);
  });

  it("PNG and WebP keep alpha on a transparent background", async () => {
    for (const format of ["png", "webp"] as const) {
      const o = await pool.retouch(input, { format, background: "transparent", size: 512 });
      const m = await sharp(o.composite).metadata();
      expect(m.hasAlpha).toBe(true);
      const { data } = await sharp(o.composite).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
      expect(data[3]).toBe(0); // a corner is transparent
      expect(o.compositeExt).toBe(format);
    }
  });

  it("16-bit TIFF", async () => {
    const o = await pool.retouch(input, { format: "tiff", size: 512 });
    const m = await sharp(o.composite).metadata();
    expect([m.format, m.depth]).toEqual(["tiff", "ushort"]);
  });

  it("layered PSD: original, background, shadow, piece with its mask", async () => {
    const o = await pool.retouch(input, { format: "psd", size: 256, shadow: "soft" });
    // ag-psd needs a canvas to decode mask pixels when reading, so layer pixels are skipped here.
    const psd = readPsd(o.composite, {
      useImageData: true,
      skipThumbnail: true,
      skipLayerImageData: true,
      skipCompositeImageData: true,
    });
    expect([psd.width, psd.height]).toEqual([256, 256]);
    expect(psd.children!.map((l) => l.name)).toEqual(["Original", "Background", "Shadow", "Piece"]);
    const piece = psd.children![3]!;
    expect(piece.mask).toMatchObject({ top: 0, left: 0, bottom: 256, right: 256 });
    expect(psd.children![0]!.hidden).toBe(true);
  });

  it("soft shadow is neutral grey (no colour cast) and below the piece", async () => {
    const o = await pool.retouch(input, {
      format: "png",
      size: 512,
      upscale: true,
      shadow: "soft",
      background: "#ffffff",
    });
    const { data } = await sharp(o.composite).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    const box = o.report.framing;
    expect(box.fill).toBeGreaterThan(0.5);
    let darkest = 255;
    let maxCast = 0;
    // Rows just under the piece (its bottom sits at 512 · 0.92 = 471).
    for (let y = 474; y < 500; y++)
      for (let x = 150; x < 360; x++) {
        const i = 3 * (y * 512 + x);
        darkest = Math.min(darkest, data[i + 1]!);
        maxCast = Math.max(maxCast, Math.abs(data[i]! - data[i + 1]!), Math.abs(data[i + 2]! - data[i + 1]!));
      }
    expect(darkest).toBeLessThan(250);
    expect(maxCast).toBeLessThanOrEqual(1);
  });
});
