// Spot cleanup: dust and lint on the piece go, highlights stay, textured finishes keep their grain,
// no sparkle appears, and every edit can be undone by id.
import { describe, expect, it } from "vitest";
import { makeFixture, fixturePng, type Finish } from "../../fixtures/jewelry";
import { truthSegmenter } from "../../fixtures/segmenters";
import { cleanMetal, dustRemoval, highlightPeaks, highlightsKept, textureEnergy } from "../../fixtures/measure";
import { runPipeline } from "../../../workers/retouch/pipeline";

describe("spot cleanup", () => {
  for (const finish of ["polished", "brushed", "hammered"] as Finish[]) {
    it(`${finish}: ≥ 90 % of dust removed, every highlight kept, texture within 5 %`, async () => {
      const f = makeFixture({
        size: 640,
        finish,
        metal: finish === "brushed" ? "silver" : "yellow",
        dust: 12,
        lint: 2,
        highlights: 5,
        seed: 11,
      });
      const r = await runPipeline(await fixturePng(f), {}, truthSegmenter(f, 512));
      const d = dustRemoval(f, r.internals.cutout, 4);
      expect(d.counted).toBeGreaterThanOrEqual(8);
      expect(d.removed / d.counted).toBeGreaterThanOrEqual(0.9);
      const h = highlightsKept(f, r.internals.cutout, 4);
      expect(h.counted).toBeGreaterThanOrEqual(3);
      expect(h.kept).toBe(h.counted);
      const mask = cleanMetal(f);
      const t0 = textureEnergy(f.image.data, 3, 640, 640, mask);
      const t1 = textureEnergy(r.internals.cutout, 4, 640, 640, mask);
      expect(Math.abs(t1 / t0 - 1)).toBeLessThan(0.05);
      // No added sparkle anywhere in the final image (exposure gains included).
      expect(highlightPeaks(r.internals.after.data, 3, 640, 640)).toBeLessThanOrEqual(
        highlightPeaks(f.image.data, 3, 640, 640),
      );
      for (const e of r.output.report.edits) expect(["dust", "speck", "lint", "smudge"]).toContain(e.reason);
    });
  }

  it("a clean piece gets no edits", async () => {
    const f = makeFixture({ size: 480, dust: 0, lint: 0, finish: "hammered", seed: 4 });
    // The truth at the photo's own size: this test is about dust, not the matte (a coarser map lets the
    // matte close a 3-px see-through gap of this fixture, whose blended surface then reads as a speck).
    const r = await runPipeline(await fixturePng(f), {}, truthSegmenter(f, 480));
    expect(r.output.report.edits).toEqual([]);
  });

  it("disabledSpots re-renders with the same ids and leaves the disabled spot as shot", async () => {
    const f = makeFixture({ size: 480, dust: 6, seed: 9 });
    const png = await fixturePng(f);
    const seg = truthSegmenter(f, 384);
    const first = await runPipeline(png, {}, seg);
    const edits = first.output.report.edits;
    expect(edits.length).toBeGreaterThanOrEqual(4);
    const target = edits[1]!;
    const second = await runPipeline(png, { disabledSpots: [target.id] }, seg);
    expect(second.output.report.edits.map((e) => [e.id, e.box])).toEqual(edits.map((e) => [e.id, e.box]));
    const { x, y, w, h } = target.box;
    let same = 0;
    let changedBefore = 0;
    for (let yy = y; yy < y + h; yy++)
      for (let xx = x; xx < x + w; xx++) {
        const i = yy * 480 + xx;
        if (second.internals.cutout[4 * i + 1] === f.image.data[3 * i + 1]) same++;
        if (first.internals.cutout[4 * i + 1] !== f.image.data[3 * i + 1]) changedBefore++;
      }
    expect(same).toBe(w * h);
    expect(changedBefore).toBeGreaterThan(0);
  });
});
