import { describe, expect, it } from "vitest";
import {
  runBatchGuards,
  runGuards,
  runGuardsAndSummary,
  shootReport,
  summarizeForBatch,
  type BatchImageSummary,
} from "../../../workers/retouch/guards";
import { honestRetouch } from "../../fixtures/guards/honest";
import { plane, toImage8 } from "../../fixtures/guards/image";
import { rng } from "../../fixtures/guards/rng";
import { synthPiece } from "../../fixtures/guards/synth-piece";

function summary(id: string, over: Partial<BatchImageSummary> = {}): BatchImageSummary {
  return {
    id,
    exposure: 1.1,
    whiteBalance: [1.02, 1, 0.97],
    backgroundLab: [100, 0, 0],
    edgeScore: 10,
    framing: { box: { x: 400, y: 400, w: 1200, h: 1200 }, fill: 0.36, width: 2000, height: 2000 },
    ...over,
  };
}

describe("runBatchGuards", () => {
  const uniform = ["a", "b", "c", "d", "e"].map((id) => summary(id));

  it("is quiet on a consistent batch", () => {
    expect(runBatchGuards(uniform)).toEqual([]);
  });

  it("names the outlier of each kind", () => {
    const batch = [
      ...uniform,
      summary("dark", { exposure: 1.1 * 2 ** 1.5 }),
      summary("grey", { backgroundLab: [96, 0, 2] }),
      summary("soft", { edgeScore: 4 }),
      summary("small", { framing: { box: { x: 800, y: 800, w: 400, h: 400 }, fill: 0.04, width: 2000, height: 2000 } }),
    ];
    const ws = runBatchGuards(batch);
    const by = Object.fromEntries(ws.map((w) => [w.code, w.imageIds]));
    expect(by.BATCH_EXPOSURE_DRIFT).toEqual(["dark"]);
    expect(by.BATCH_BACKGROUND_VARIATION).toEqual(["grey"]);
    expect(by.BATCH_EDGE_OUTLIER).toEqual(["soft"]);
    expect(by.BATCH_FRAMING).toEqual(["small"]);
    for (const w of ws) expect(w.severity).toBe("warning");
  });

  it("exposure drift threshold is a setting", () => {
    const batch = [...uniform, summary("dark", { exposure: 1.1 * 2 ** 1.5 })];
    expect(runBatchGuards(batch, { batchExposureStops: 2 }).map((w) => w.code)).not.toContain("BATCH_EXPOSURE_DRIFT");
  });
});

describe("summarizeForBatch", () => {
  it("measures the result's background, the gains and the framing", () => {
    const p = synthPiece(5, { backdrop: "grey", size: 256 });
    const hr = honestRetouch(rng(1), p.before, p.F, p.alpha, p.dust, p.backdropMean);
    const s = summarizeForBatch({
      before: toImage8(p.before),
      after: toImage8(hr.after),
      alpha: plane(256, 256, p.alpha),
      gains: hr.gains,
    });
    expect(s.exposure).toBeCloseTo(hr.gains.exposure, 6);
    const studioL = hr.studio[0] === 1 ? 100 : 98;
    expect(Math.abs(s.backgroundLab[0] - studioL)).toBeLessThan(0.6);
    expect(s.framing.fill).toBeGreaterThan(0.1);
    expect(s.framing.fill).toBeLessThan(0.6);
    expect(s.edgeScore).toBeGreaterThan(1);
  });

  it("from the guards' own reading of the pair (the engine's path), gives the same summary and warnings as separate runs", () => {
    for (const [seed, backdrop, W] of [
      [5, "grey", 256],
      [8, "black", 300],
      [11, "grey", 1200],
    ] as const) {
      const p = synthPiece(seed, { backdrop, size: W });
      const hr = honestRetouch(rng(seed), p.before, p.F, p.alpha, p.dust, p.backdropMean);
      const input = {
        before: toImage8(p.before),
        after: toImage8(hr.after),
        alpha: plane(W, W, p.alpha),
        gains: hr.gains,
      };
      const both = runGuardsAndSummary(input);
      expect(both.summary).toEqual(summarizeForBatch(input));
      expect(both.warnings).toEqual(runGuards(input));
    }
  });
});

describe("shootReport", () => {
  const img = (id: string, o: Partial<Parameters<typeof shootReport>[0]["images"][number]> = {}) => ({
    id,
    width: 3000,
    height: 3000,
    dustCount: 0,
    backdropUniformity: 0.95,
    exposure: 1,
    whiteBalance: [1, 1, 1] as [number, number, number],
    ...o,
  });

  it("has nothing to say about a clean, consistent shoot", () => {
    expect(shootReport({ images: [img("a"), img("b")], outputSize: 2048 })).toEqual([]);
  });

  it("gives one tip per problem", () => {
    const items = shootReport({
      images: [
        img("a", {
          dustCount: 9,
          backdropUniformity: 0.6,
          exposure: 0.7,
          whiteBalance: [1.2, 1, 0.8],
          mixedLighting: 0.5,
          width: 1200,
        }),
        img("b", { dustCount: 7, backdropUniformity: 0.7, exposure: 2.0 }),
      ],
      outputSize: 2048,
    });
    const codes = items.map((i) => i.code).sort();
    expect(codes).toEqual([
      "SHOOT_BACKDROP_UNEVEN",
      "SHOOT_DUST",
      "SHOOT_EXPOSURE_SPREAD",
      "SHOOT_LOW_RESOLUTION",
      "SHOOT_MIXED_LIGHTING",
      "SHOOT_WHITE_BALANCE_SPREAD",
    ]);
    for (const i of items) expect(i.tip.length).toBeGreaterThan(20);
    expect(items.find((i) => i.code === "SHOOT_DUST")!.value).toBe(8);
    expect(items.find((i) => i.code === "SHOOT_EXPOSURE_SPREAD")!.value).toBeCloseTo(Math.log2(2 / 0.7), 2);
  });
});
