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
  it("turns a hard cut line into a ramp no steeper than half the way", () => {
    const p = plane(40, 30, (x) => (x < 17 ? 0 : 1));
    expect(steepest(p)).toBe(1);
    const changed = softenSteps(p);
    expect(changed).toBeGreaterThan(0);
    expect(steepest(p)).toBeLessThanOrEqual(MAX_STEP);
    // The edge stays where it was: the 0.5 crossing between columns 16 and 17.
    expect(p.data[10 * 40 + 16]!).toBeLessThan(0.5);
    expect(p.data[10 * 40 + 17]!).toBeGreaterThan(0.5);
    // Far from it nothing moved.
    expect(p.data[10 * 40 + 5]!).toBe(0);
    expect(p.data[10 * 40 + 30]!).toBe(1);
  });

  it("softens a staircase along a diagonal edge", () => {
    const p = plane(50, 50, (x, y) => (x + 0.5 * y < 30 ? 1 : 0));
    softenSteps(p);
    expect(steepest(p)).toBeLessThanOrEqual(MAX_STEP);
  });

  it("leaves an edge that is already soft exactly as it was", () => {
    const p = plane(40, 10, (x) => Math.min(1, Math.max(0, (x - 10) / 4)));
    const before = p.data.slice();
    expect(softenSteps(p)).toBe(0);
    expect(Array.from(p.data)).toEqual(Array.from(before));
  });

  it("keeps a one-pixel clear dot partly open rather than erasing it", () => {
    const p = plane(21, 21, (x, y) => (x === 10 && y === 10 ? 0 : 1));
    softenSteps(p);
    expect(steepest(p)).toBeLessThanOrEqual(MAX_STEP);
    expect(p.data[10 * 21 + 10]!).toBeLessThan(1);
  });
});

describe("softenSteps on the matte's box", () => {
  it("gives the same plane as the whole-frame pass when α is 0 outside the box", () => {
    const f = (x: number, y: number) => (x >= 12 && x < 30 && y >= 8 && y < 22 && x + y < 40 ? 1 : 0);
    const whole = plane(50, 40, f);
    const boxed = plane(50, 40, f);
    softenSteps(whole);
    softenSteps(boxed, { x: 10, y: 6, w: 23, h: 19 });
    expect(Array.from(boxed.data)).toEqual(Array.from(whole.data));
  });
});
