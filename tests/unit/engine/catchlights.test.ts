// Catchlights are never taken for dust: star- and line-shaped ones, and under an underexposed lamp
// (where a catchlight peaks well under 235 and light dust is close to it), while light dust around
// them is still removed.
import { describe, expect, it } from "vitest";
import { makeFixture, fixturePng } from "../../fixtures/jewelry";
import { withDust2, withStarCatchlights } from "../../fixtures/dust2";
import { truthSegmenter } from "../../fixtures/segmenters";
import { dustRemoval, highlightsKept } from "../../fixtures/measure";
import { runPipeline } from "../../../workers/retouch/pipeline";

describe("catchlights", () => {
  for (const exposure of [1, 0.8]) {
    it(`star and line catchlights all kept at exposure ${exposure}, dust around them still removed`, async () => {
      let f = makeFixture({
        size: 640,
        metal: "yellow",
        finish: "polished",
        dust: 0,
        highlights: 4,
        exposure,
        seed: 31,
      });
      f = withDust2(f, { specks: 10, fibres: 0, smudges: 0, seed: 31 });
      f = withStarCatchlights(f, 6, 31);
      const r = await runPipeline(await fixturePng(f), {}, truthSegmenter(f, 512));
      const h = highlightsKept(f, r.internals.cutout, 4);
      expect(h.counted).toBeGreaterThanOrEqual(8);
      expect(h.kept).toBe(h.counted);
      const d = dustRemoval(f, r.internals.cutout, 4);
      expect(d.counted).toBeGreaterThanOrEqual(7);
      expect(d.removed / d.counted).toBeGreaterThanOrEqual(0.7);
    });
  }

  it("no cap: more than 30 specks are all removed and listed, highest confidence first", async () => {
    const f = makeFixture({ size: 1100, layout: "pendant", gem: "none", dust: 70, highlights: 2, seed: 32 });
    const r = await runPipeline(await fixturePng(f), {}, truthSegmenter(f, 512));
    const edits = r.output.report.edits;
    expect(f.spots.length).toBeGreaterThan(30);
    expect(edits.length).toBeGreaterThan(30);
    for (let k = 1; k < edits.length; k++)
      expect(edits[k - 1]!.confidence!).toBeGreaterThanOrEqual(edits[k]!.confidence!);
    // Specks 20 px apart are denser than dust usually is: a few read as texture (measured 0.857).
    const d = dustRemoval(f, r.internals.cutout, 4);
    expect(d.counted).toBeGreaterThan(30);
    expect(d.removed / d.counted).toBeGreaterThanOrEqual(0.8);
  });
});

describe("light grey dust", () => {
  // Light grey specks on gold are lighter than the metal (up to 1.3 × its median) but duller than a
  // catchlight: grey where a reflection on metal keeps the metal's tint until it clips to white.
  // Measured 12 / 12 removed and 12 / 12 highlights kept in each case (on main: 1 / 6 light grey
  // specks removed on polished metal at 640 px; at 1600 px 4 / 12 here before the catchlight level
  // was taken from the piece's peak instead of a quantile). On white gold, where colour cannot tell
  // them from a reflection, small specks on an even ring: 12 / 12 at 640 px (at 1600 px only 6 / 12:
  // half sit at the metal's own level, +12 in 8-bit luma, under the texture threshold).
  for (const [metal, size] of [
    ["yellow", 640],
    ["rose", 640],
    ["yellow", 1600],
    ["white", 640],
  ] as const) {
    it(`on polished ${metal} gold at ${size} px: removed, star and round catchlights all kept`, async () => {
      let f = makeFixture({ size, metal, finish: "polished", dust: 0, highlights: 6, seed: 41 });
      f = withDust2(f, { specks: 12, fibres: 0, smudges: 0, seed: 41, colors: ["light grey"] });
      f = withStarCatchlights(f, 6, 41);
      const r = await runPipeline(await fixturePng(f), {}, truthSegmenter(f, size > 1000 ? 1024 : 512));
      const h = highlightsKept(f, r.internals.cutout, 4);
      expect(h.counted).toBeGreaterThanOrEqual(8);
      expect(h.kept).toBe(h.counted);
      const d = dustRemoval(f, r.internals.cutout, 4);
      expect(d.counted).toBeGreaterThanOrEqual(8);
      expect(d.removed / d.counted).toBeGreaterThanOrEqual(0.9);
    }, 120_000);
  }
});
