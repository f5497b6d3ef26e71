// The batch page's consistency panel is the engine's batch guards, run on the server over the
// summaries the reports carry, with the shop's thresholds: changing a threshold changes the result.
import { describe, expect, it } from "vitest";
import { batchConsistency, type ConsistencyInput } from "../../../core/batches/consistency";

/** A photo's summary: a 200×200 piece on a 1000×1000 canvas, its centre shifted by (dx, dy). */
function photo(id: string, o: { edge?: number; dx?: number; exposure?: number } = {}): ConsistencyInput {
  const x = 400 + (o.dx ?? 0);
  return {
    id,
    title: `Ring ${id}`,
    summary: {
      exposure: o.exposure ?? 1,
      whiteBalance: [1, 1, 1],
      backgroundLab: [100, 0, 0],
      edgeScore: o.edge ?? 10,
      framing: { box: { x, y: 400, w: 200, h: 200 }, fill: 0.04, width: 1000, height: 1000 },
    },
  };
}

const find = (fs: ReturnType<typeof batchConsistency>, key: string) => fs.find((f) => f.key === key)!;

describe("batch consistency (server-side batch guards)", () => {
  const soft = [
    photo("a", { edge: 10 }),
    photo("b", { edge: 10.2 }),
    photo("c", { edge: 9.9 }),
    photo("d", { edge: 10.1 }),
    photo("e", { edge: 6 }),
  ];

  it("flags the photo with a much softer outline (robust z −4 against the default limit 3.5)", () => {
    const edges = find(batchConsistency(soft), "edges");
    expect(edges.ok).toBe(false);
    expect(edges.outliers.map((o) => [o.id, o.title])).toEqual([["e", "Ring e"]]);
    expect(edges.summary).toMatch(/robust z -4\.0/);
  });

  it("batchEdgeRobustZ moves the line: at 5 the same photo passes", () => {
    expect(find(batchConsistency(soft, { batchEdgeRobustZ: 5 }), "edges").ok).toBe(true);
    expect(find(batchConsistency(soft, { batchEdgeRobustZ: 3.9 }), "edges").ok).toBe(false);
  });

  const shifted = [photo("a"), photo("b"), photo("c"), photo("d", { dx: 100 })]; // centre 0.1 of the canvas off

  it("flags the piece set 10 % of the canvas off the batch's centre (default limit 0.06)", () => {
    const framing = find(batchConsistency(shifted), "framing");
    expect(framing.ok).toBe(false);
    expect(framing.outliers.map((o) => o.id)).toEqual(["d"]);
  });

  it("batchFramingCenterShift moves the line: at 0.15 the same batch is framed alike", () => {
    expect(find(batchConsistency(shifted, { batchFramingCenterShift: 0.15 }), "framing").ok).toBe(true);
    expect(find(batchConsistency(shifted, { batchFramingCenterShift: 0.09 }), "framing").ok).toBe(false);
  });

  it("a consistent batch passes every guard; fewer than two summaries give no findings; photos without one are said to be left out", () => {
    const fine = [photo("a"), photo("b"), photo("c")];
    expect(batchConsistency(fine).map((f) => [f.key, f.ok])).toEqual([
      ["exposure", true],
      ["background", true],
      ["edges", true],
      ["framing", true],
    ]);
    expect(batchConsistency([photo("a"), { id: "b", title: "old", summary: null }])).toEqual([]);
    const mixed = batchConsistency([...fine, { id: "z", title: "old", summary: null }]);
    expect(mixed[0]!.summary).toContain("1 photo was retouched before Loupe recorded what it compares");
  });

  it("the exposure guard follows the shop's batchExposureStops", () => {
    const drift = [photo("a"), photo("b", { exposure: 1.1 }), photo("c", { exposure: 4 })];
    expect(find(batchConsistency(drift), "exposure").outliers.map((o) => o.id)).toEqual(["c"]);
    expect(find(batchConsistency(drift, { batchExposureStops: 3 }), "exposure").ok).toBe(true);
  });
});
