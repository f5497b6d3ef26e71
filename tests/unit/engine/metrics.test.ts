import { describe, expect, it } from "vitest";
import { edgeBand, scoreCutout, scoreEdges } from "../../../workers/retouch/metrics/cutout";
import { squaredDistanceTo } from "../../../workers/retouch/metrics/distance";

const plane = (w: number, h: number, f: (x: number, y: number) => number) => {
  const data = new Float32Array(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) data[y * w + x] = f(x, y);
  return { width: w, height: h, data };
};

describe("cutout measures", () => {
  it("IoU, MAE and boundary F of a shifted square", () => {
    const t = plane(100, 100, (x, y) => (x >= 20 && x < 60 && y >= 20 && y < 60 ? 1 : 0));
    const p = plane(100, 100, (x, y) => (x >= 30 && x < 70 && y >= 20 && y < 60 ? 1 : 0));
    const s = scoreCutout(p, t);
    expect(s.iou).toBeCloseTo(1200 / 2000, 6);
    expect(s.mae).toBeCloseTo(800 / 10000, 6);
    // Tolerance 0.3 % of the diagonal (0.42 px): only boundary pixels on shared edges match.
    expect(s.boundaryF).toBeGreaterThan(0.3);
    expect(s.boundaryF).toBeLessThan(0.8);
    expect(scoreCutout(t, t)).toEqual({ iou: 1, mae: 0, boundaryF: 1 });
  });

  it("distance transform is exact Euclidean", () => {
    const m = new Uint8Array(25);
    m[0] = 1;
    const d = squaredDistanceTo(m, 5, 5);
    expect(d[24]).toBe(32);
    expect(d[7]).toBe(5);
  });

  it("bleed: 0 when the old surface is removed; the per-pixel share of it otherwise", () => {
    const w = 10;
    const t = plane(w, 1, (x) => (x < 5 ? 1 : x === 5 ? 0.5 : 0));
    const band = edgeBand(t);
    const surface = new Float32Array(3 * w).fill(0.2);
    const ideal = new Float32Array(3 * w);
    for (let x = 0; x < w; x++) for (let c = 0; c < 3; c++) ideal[3 * x + c] = t.data[x]! * 0.6 + (1 - t.data[x]!);
    const clean = new Uint8Array(4 * w);
    const dirty = new Uint8Array(4 * w);
    for (let x = 0; x < w; x++) {
      const a = t.data[x]!;
      for (let c = 0; c < 3; c++) {
        clean[4 * x + c] = Math.round(0.6 * 255);
        // Alpha 1 everywhere with the photo's colours: the surface stays where the piece isn't.
        dirty[4 * x + c] = Math.round((a * 0.6 + (1 - a) * 0.2) * 255);
      }
      clean[4 * x + 3] = Math.round(a * 255);
      dirty[4 * x + 3] = 255;
    }
    expect(scoreEdges(clean, ideal, surface, band).bleed).toBeCloseTo(0, 2);
    // Band x = 3..7: shares 0, 0 (opaque), 0.5 (α = ½ left as shot), 1, 1 (pure surface left).
    expect(scoreEdges(dirty, ideal, surface, band).bleed).toBeCloseTo(0.5, 3);
  });
});
