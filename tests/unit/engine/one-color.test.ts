// What the merchant downloads: the cutout PNG and the composite carry the same corrections (spots,
// exposure, white balance) — only the frame differs; a small photo is not enlarged; a piece the
// photo cut stays cut by the canvas.
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { makeFixture, fixturePng } from "../../fixtures/jewelry";
import { truthSegmenter } from "../../fixtures/segmenters";
import { runPipeline } from "../../../workers/retouch/pipeline";

async function rgba(buf: Buffer) {
  const { data, info } = await sharp(buf).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

describe("one colour in every output", () => {
  it("a warm-cast piece: cutout pixels equal the composite's piece pixels and differ from the photo", async () => {
    const f = makeFixture({ size: 480, metal: "yellow", cast: "warm", exposure: 0.8, dust: 4, seed: 21 });
    const r = await runPipeline(await fixturePng(f), { format: "png" }, truthSegmenter(f, 384));
    const rep = r.output.report;
    expect(rep.gains.exposure).toBeGreaterThan(1.05);
    expect(rep.edits.length).toBeGreaterThan(0);
    const cut = await rgba(r.output.cutoutPng);
    const comp = await rgba(r.output.composite);
    expect(rep.framing.scale).toBe(1); // nothing enlarged: one source pixel per output pixel
    const { x: px, y: py } = rep.framing.box;
    // The placed piece's top-left on the canvas.
    const ox = (comp.width - rep.framing.box.w) / 2;
    const oy = (comp.height - rep.framing.box.h) / 2;
    let n = 0;
    let maxDiff = 0;
    let movedFromPhoto = 0;
    for (let y = 0; y < rep.framing.box.h; y++)
      for (let x = 0; x < rep.framing.box.w; x++) {
        const s = 4 * ((py + y) * cut.width + px + x);
        if (cut.data[s + 3] !== 255) continue;
        const d = 4 * ((Math.round(oy) + y) * comp.width + Math.round(ox) + x);
        for (let c = 0; c < 3; c++) maxDiff = Math.max(maxDiff, Math.abs(cut.data[s + c]! - comp.data[d + c]!));
        if (Math.abs(cut.data[s + 1]! - f.image.data[3 * ((py + y) * 480 + px + x) + 1]!) > 4) movedFromPhoto++;
        n++;
      }
    expect(n).toBeGreaterThan(5000);
    expect(maxDiff).toBe(0);
    expect(movedFromPhoto / n).toBeGreaterThan(0.5); // the gains are really in both
    // And the dust is gone from the cutout too.
    for (const e of rep.edits) {
      const c = 4 * ((e.box.y + (e.box.h >> 1)) * cut.width + e.box.x + (e.box.w >> 1));
      expect(cut.data[c + 1]).toBe(r.internals.toned[c + 1]);
    }
  });
});

describe("resolution and framing", () => {
  it("a 480 px photo asked for 2048 px is delivered at what its piece supports, with a note", async () => {
    const f = makeFixture({ size: 480, layout: "ring", seed: 22 });
    const r = await runPipeline(await fixturePng(f), {}, truthSegmenter(f, 384));
    const fr = r.output.report.framing;
    const meta = await sharp(r.output.composite).metadata();
    expect(fr.requested).toBe(2048);
    expect(meta.width).toBe(fr.size);
    expect(fr.size).toBeLessThan(480);
    expect(fr.size).toBe(Math.ceil(Math.max(fr.box.w, fr.box.h) / 0.84));
    expect(r.output.report.input.notes.join(" ")).toMatch(/too small for the store's 2048 px/);
    const up = await runPipeline(await fixturePng(f), { upscale: true }, truthSegmenter(f, 384));
    expect((await sharp(up.output.composite).metadata()).width).toBe(2048);
  });

  it("a pendant whose chain runs off the photo's top edge runs off the canvas's top edge; margin below", async () => {
    const f = makeFixture({ size: 480, layout: "pendant", seed: 23 });
    const r = await runPipeline(await fixturePng(f), { format: "png", size: 400 }, truthSegmenter(f, 384));
    const fr = r.output.report.framing;
    expect(fr.cut).toEqual(["top"]);
    const comp = await rgba(r.output.composite);
    const darkOnRow = (y: number) => {
      let k = 0;
      for (let x = 0; x < comp.width; x++) if (comp.data[4 * (y * comp.width + x) + 1]! < 200) k++;
      return k;
    };
    expect(darkOnRow(0)).toBeGreaterThanOrEqual(2); // the chain reaches the canvas's top edge
    const margin = Math.floor(0.08 * comp.height) - 2;
    for (let y = comp.height - margin; y < comp.height; y++) expect(darkOnRow(y)).toBe(0);
  });
});
