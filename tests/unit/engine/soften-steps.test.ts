import { describe, expect, it } from "vitest";
import { softenSteps, MAX_STEP } from "../../../workers/retouch/matte/soften-steps";
import type { Plane } from "../../../workers/retouch/types";

function plane(w: number, h: number, f: (x: number, y: number) => number): Plane {
  const data = new Float32Array(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) data[y * w + x] = f(x, y);
  return { width: w, height: h, data };
}

function steepest(p: Plane): number {
  let m = 0;
  const { width: w, height: h, data: a } = p;
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      if (x + 1 < w) m = Math.max(m, Math.abs(a[i]! - a[i + 1]!));
      if (y + 1 < h) m = Math.max(m, Math.abs(a[i]! - a[i + w]!));
    }
  return m;
}

describe("softenSteps", () => {
  it("lowers the sides of a cut line through the piece until no step is steeper than half the way", () => {
    // An opaque piece with a stripe the matte left at 0.46 (the lower side is mostly piece: a cut line).
    const p = plane(40, 30, (x) => (x >= 17 && x <= 18 ? 0.46 : 1));
    expect(steepest(p)).toBeCloseTo(0.54, 5);
    const changed = softenSteps(p);
    expect(changed).toBeGreaterThan(0);
    expect(steepest(p)).toBeLessThanOrEqual(MAX_STEP);
    // Never raised: the stripe itself keeps its value, its sides come down to their 3×3 mean.
    expect(p.data[10 * 40 + 17]!).toBeCloseTo(0.46, 5);
    expect(p.data[10 * 40 + 16]!).toBeLessThan(1);
    expect(p.data[10 * 40 + 16]!).toBeGreaterThan(0.6);
    // Far from it nothing moved.
    expect(p.data[10 * 40 + 5]!).toBe(1);
    expect(p.data[10 * 40 + 30]!).toBe(1);
  });

  it("leaves the outline against the clear surface exactly as drawn", () => {
    const p = plane(40, 30, (x, y) => (x + 0.5 * y < 25 ? 1 : x + 0.5 * y < 26 ? 0.3 : 0));
    const before = p.data.slice();
    expect(softenSteps(p)).toBe(0);
    expect(Array.from(p.data)).toEqual(Array.from(before));
  });

  it("leaves an edge that is already soft exactly as it was", () => {
    const p = plane(40, 10, (x) => Math.min(1, Math.max(0, (x - 10) / 4)));
    const before = p.data.slice();
    expect(softenSteps(p)).toBe(0);
    expect(Array.from(p.data)).toEqual(Array.from(before));
  });
});

describe("softenSteps on the matte's box", () => {
  it("gives the same plane as the whole-frame pass when α is 0 outside the box", () => {
    const f = (x: number, y: number) =>
      x >= 12 && x < 30 && y >= 8 && y < 22 ? (x === 20 || x + y === 38 ? 0.46 : 1) : 0;
    const whole = plane(50, 40, f);
    const boxed = plane(50, 40, f);
    expect(softenSteps(whole)).toBeGreaterThan(0);
    softenSteps(boxed, { x: 10, y: 6, w: 23, h: 19 });
    expect(Array.from(boxed.data)).toEqual(Array.from(whole.data));
  });
});
