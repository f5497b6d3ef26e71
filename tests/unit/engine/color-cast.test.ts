// White balance and exposure come from the shooting surface only: after a warm or cool lamp the
// metal's colour (lightness aside) must be back within ΔE00 1 of the truth, without touching the
// piece's own hue (rose stays rose, white gold is not yellowed).
import { describe, expect, it } from "vitest";
import { makeFixture, fixturePng, type Cast, type Fixture, type Metal, type Surface } from "../../fixtures/jewelry";
import { truthSegmenter } from "../../fixtures/segmenters";
import { pieceColorError } from "../../fixtures/measure";
import { runPipeline, type PipelineResult } from "../../../workers/retouch/pipeline";

const cases: Array<[Metal, Cast]> = [
  ["yellow", "warm"],
  ["rose", "cool"],
  ["white", "warm"],
  ["silver", "cool"],
  ["yellow", "green"],
  ["rose", "magenta"],
  ["white", "green"],
  ["silver", "magenta"],
];

describe("white balance from the surface", () => {
  for (const [metal, cast] of cases) {
    it(`${metal} gold/metal under a ${cast} lamp comes back within ΔE00 1`, async () => {
      const f = makeFixture({ size: 480, metal, cast, surface: "white", highlights: 3, seed: 7 });
      const before = pieceColorError(f, f.image);
      const r = await runPipeline(await fixturePng(f), {}, truthSegmenter(f, 384));
      const after = pieceColorError(f, r.internals.after);
      expect(before).toBeGreaterThan(1.5); // the cast is visible in the input
      expect(after).toBeLessThan(1.0);
      expect(r.output.report.backdrop.kind).toBe("white");
      expect(r.output.report.backdrop.neutral).toBe(true);
    });
  }

  for (const cast of ["warm", "cool", "green", "magenta"] as Cast[]) {
    it(`a ${cast} cast on a grey sweep comes back within ΔE00 1 too`, async () => {
      const f = makeFixture({ size: 400, metal: "rose", cast, surface: "grey-gradient", highlights: 3, seed: 8 });
      const before = pieceColorError(f, f.image);
      const r = await runPipeline(await fixturePng(f), {}, truthSegmenter(f, 320));
      expect(before).toBeGreaterThan(1.5);
      expect(pieceColorError(f, r.internals.after)).toBeLessThan(1.0);
    });
  }

  for (const surface of ["pale-blue", "pink-paper", "mint-paper", "wood"] as Surface[]) {
    it(`on ${surface} the gains stay at 1, the report says why, and the piece is no worse than shot`, async () => {
      const f = makeFixture({ size: 400, metal: "yellow", cast: "none", surface, seed: 12 });
      const r = await runPipeline(await fixturePng(f), {}, truthSegmenter(f, 320));
      const rep = r.output.report;
      expect(rep.gains).toEqual({ exposure: 1, whiteBalance: [1, 1, 1] });
      expect(rep.backdrop.neutral).toBe(false);
      expect(rep.backdrop.why).toMatch(/colour|textured/);
      expect(rep.input.notes.join(" ")).toMatch(/left as shot/);
      expect(pieceColorError(f, r.internals.after)).toBeLessThanOrEqual(pieceColorError(f, f.image) + 0.05);
      // The cutout carries the same (absent) correction: its piece equals the photo's.
      const toned = r.internals.toned;
      let differ = 0;
      for (let i = 0; i < f.metalInner.length; i++)
        if (f.metalInner[i] && toned[4 * i + 1] !== r.internals.cutout[4 * i + 1]) differ++;
      expect(differ).toBe(0);
    });
  }

  it("leaves a deliberately coloured (pale blue) surface's cast alone and the piece no worse", async () => {
    const f = makeFixture({ size: 480, metal: "white", cast: "none", surface: "pale-blue", seed: 3 });
    const r = await runPipeline(await fixturePng(f), {}, truthSegmenter(f, 384));
    expect(r.output.report.gains.whiteBalance).toEqual([1, 1, 1]);
    expect(pieceColorError(f, r.internals.after)).toBeLessThanOrEqual(pieceColorError(f, f.image) + 0.05);
    expect(r.output.report.backdrop.kind).toMatch(/colored/);
  });

  it("wood under a warm lamp is still left as shot (a cast cannot be told from the wood)", async () => {
    const f = makeFixture({ size: 400, metal: "yellow", cast: "warm", surface: "wood", seed: 13 });
    const r = await runPipeline(await fixturePng(f), {}, truthSegmenter(f, 320));
    expect(r.output.report.gains).toEqual({ exposure: 1, whiteBalance: [1, 1, 1] });
    expect(pieceColorError(f, r.internals.after)).toBeLessThanOrEqual(pieceColorError(f, f.image) + 0.05);
  });

  it("a batch target maps two differently exposed shots of one piece to the same tone", async () => {
    const target = { backdropLinear: [0.88, 0.88, 0.88] as [number, number, number] };
    const outs: Array<{ f: Fixture; r: PipelineResult }> = [];
    for (const exposure of [0.8, 1.1]) {
      const f = makeFixture({ size: 400, metal: "yellow", cast: "warm", exposure, seed: 5 });
      const r = await runPipeline(await fixturePng(f), { target }, truthSegmenter(f, 320));
      outs.push({ f, r });
    }
    const mean = (o: (typeof outs)[number]) => {
      let s = 0;
      let n = 0;
      for (let i = 0; i < o.f.metalInner.length; i++)
        if (o.f.metalInner[i]) {
          s += o.r.internals.after.data[3 * i + 1]!;
          n++;
        }
      return s / n;
    };
    expect(Math.abs(mean(outs[0]!) - mean(outs[1]!))).toBeLessThan(3);
    expect(outs[0]!.r.output.report.gains.exposure).toBeGreaterThan(outs[1]!.r.output.report.gains.exposure);
  });
});
