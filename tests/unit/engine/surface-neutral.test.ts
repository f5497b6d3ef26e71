// Which shooting surfaces exposure and white balance may be read from: plain sweeps under a lamp's
// cast, not wood, coloured paper, two surfaces or mixed light (the numbers are the real photos').
import { describe, expect, it } from "vitest";
import { notNeutralBecause, readSurface, tintSpread } from "../../../workers/retouch/backdrop/gains";
import type { BackdropModel } from "../../../workers/retouch/backdrop/model";

function model(coefR: number[], coefG: number[], coefB: number[], residual: number): BackdropModel {
  const m: BackdropModel = {
    coef: [Float64Array.from(coefR), Float64Array.from(coefG), Float64Array.from(coefB)],
    atPiece: [coefR[0]!, coefG[0]!, coefB[0]!],
    mean: [coefR[0]!, coefG[0]!, coefB[0]!],
    residual,
    residualAbs: residual * 0.6,
    uniformity: 0.9,
    trust: 1,
    samples: 1000,
  };
  return m;
}

describe("neutral surfaces", () => {
  it("a plain sweep (residual 0.03) with a warm, cool, green or magenta tint is read; wood's grain (0.063) is not", () => {
    for (const [a, b] of [
      [0, 12],
      [-0.7, -8.5],
      [-8, 6.6],
      [8.3, -5.1],
    ] as const)
      expect(notNeutralBecause([94, a, b], 0.03)).toBeNull();
    expect(notNeutralBecause([85.3, 0.5, 4.4], 0.063)).toMatch(/textured/);
  });

  it("pale blue, pink and mint paper are colours, not casts", () => {
    expect(notNeutralBecause([86.3, -1.4, -12.7], 0.01)).toMatch(/stronger than a lamp's cast/);
    expect(notNeutralBecause([85, 14, 2], 0.01)).toMatch(/stronger/);
    expect(notNeutralBecause([88, -13, 5], 0.01)).toMatch(/stronger/);
  });

  it("a tint that changes across the frame (a plate against a wall) leaves the gains at 1", () => {
    // Near-white at the piece, turning orange toward the right edge.
    const m = model([0.6, 0.25, 0, 0, 0, 0], [0.6, 0, 0, 0, 0, 0], [0.6, -0.2, 0, 0, 0, 0], 0.02);
    expect(tintSpread(m, [81, 0, 0])).toBeGreaterThan(6);
    const r = readSurface(m);
    expect(r.gains).toEqual({ exposure: 1, whiteBalance: [1, 1, 1] });
    expect(r.why).toMatch(/more than one surface, or mixed light/);
    const even = readSurface(model([0.66, 0, 0, 0, 0, 0], [0.6, 0, 0, 0, 0, 0], [0.5, 0, 0, 0, 0, 0], 0.02));
    expect(even.neutral).toBe(true);
    expect(even.gains.whiteBalance[2]).toBeGreaterThan(1.1);
  });

  it("a surface at the camera's ceiling (pure white) tells neither exposure nor white balance: left as shot", () => {
    const clipped = readSurface(model([1, 0, 0, 0, 0, 0], [1, 0, 0, 0, 0, 0], [0.995, 0, 0, 0, 0, 0], 0.002));
    expect(clipped.gains).toEqual({ exposure: 1, whiteBalance: [1, 1, 1] });
    expect(clipped.notes.join(" ")).toMatch(/pure white/);
    // A bright sweep just below the ceiling (sRGB ≈ 250) is still read: brought to the L* 96 target.
    const bright = readSurface(model([0.955, 0, 0, 0, 0, 0], [0.955, 0, 0, 0, 0, 0], [0.94, 0, 0, 0, 0, 0], 0.002));
    expect(bright.gains.exposure).toBeLessThan(0.97);
    // A warm cast on white clips red only: still read as a cast.
    const warm = readSurface(model([1, 0, 0, 0, 0, 0], [0.9, 0, 0, 0, 0, 0], [0.75, 0, 0, 0, 0, 0], 0.002));
    expect(warm.gains.whiteBalance[2]).toBeGreaterThan(1.1);
  });
});
