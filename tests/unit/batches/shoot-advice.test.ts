// The batch page's shoot report reads the engine's per-image reports correctly.
import { describe, expect, it } from "vitest";
import { shootAdvice } from "../../../core/batches/shoot-advice.server";
import type { ImageReport } from "../../../workers/retouch/report";

function report(o: {
  w: number;
  h: number;
  spots: number;
  uniformity: number;
  exposure: number;
  wb: [number, number, number];
  /** The canvas side the piece supports (compose/layout.ts); absent in older reports. */
  supported?: number;
}): ImageReport {
  return {
    input: { width: o.w, height: o.h, format: "jpeg", notes: [] },
    timings: {},
    gains: { exposure: o.exposure, whiteBalance: o.wb },
    backdrop: { color: [245, 245, 245], uniformity: o.uniformity, kind: "white" },
    edits: Array.from({ length: o.spots }, (_, id) => ({
      id,
      box: { x: 0, y: 0, w: 3, h: 3 },
      area: 9,
      reason: "dust" as const,
    })),
    measurements: {},
    warnings: [],
    framing: { box: { x: 0, y: 0, w: 10, h: 10 }, fill: 0.8, ...(o.supported ? { supported: o.supported } : {}) },
  };
}

describe("shoot advice for a batch", () => {
  it("says nothing about a clean, even, consistent shoot at enough resolution", () => {
    const r = report({ w: 3000, h: 3000, spots: 1, uniformity: 0.95, exposure: 1.05, wb: [1, 1, 1] });
    expect(shootAdvice([r, r, null], 2048)).toEqual([]);
  });

  it("flags dust, an uneven backdrop, exposure spread and low resolution, each with a tip", () => {
    const reports = [
      report({ w: 900, h: 900, spots: 9, uniformity: 0.6, exposure: 0.6, wb: [1, 1, 1] }),
      report({ w: 900, h: 900, spots: 7, uniformity: 0.7, exposure: 2.5, wb: [1, 1, 1] }),
      report({ w: 900, h: 900, spots: 8, uniformity: 0.65, exposure: 1, wb: [1, 1, 1] }),
    ];
    const items = shootAdvice(reports, 2048);
    const codes = items.map((i) => i.code);
    expect(codes).toEqual(
      expect.arrayContaining(["SHOOT_DUST", "SHOOT_BACKDROP_UNEVEN", "SHOOT_EXPOSURE_SPREAD", "SHOOT_LOW_RESOLUTION"]),
    );
    expect(items.find((i) => i.code === "SHOOT_DUST")!.value).toBe(8);
    for (const i of items) expect(i.tip.length).toBeGreaterThan(20);
  });

  it("says a small photo is delivered at its own resolution, and is enlarged only when upscaling is on", () => {
    const small = [report({ w: 1200, h: 900, spots: 0, uniformity: 0.95, exposure: 1, wb: [1, 1, 1] })];
    const asShot = shootAdvice(small, 2048).find((i) => i.code === "SHOOT_LOW_RESOLUTION")!;
    expect(asShot.message).toContain("never enlarged");
    expect(asShot.message).not.toContain("will be enlarged");
    const enlarged = shootAdvice(small, 2048, true).find((i) => i.code === "SHOOT_LOW_RESOLUTION")!;
    expect(enlarged.message).toContain("will be enlarged to it");
  });

  it("a large photo of a small piece is short of pixels too: what the piece supports decides", () => {
    const big = {
      w: 3000,
      h: 3000,
      spots: 0,
      uniformity: 0.95,
      exposure: 1,
      wb: [1, 1, 1] as [number, number, number],
    };
    const small = shootAdvice([report({ ...big, supported: 900 })], 2048).find(
      (i) => i.code === "SHOOT_LOW_RESOLUTION",
    );
    expect(small?.message).toContain("smaller than the 2048 px your store asks for");
    expect(small?.value).toBe(1);
    expect(shootAdvice([report({ ...big, supported: 2400 })], 2048)).toEqual([]);
  });
});
