import { describe, expect, it } from "vitest";
import { outlineFloor, raiseOutlineFloor, softenSteps, MAX_STEP } from "../../../workers/retouch/matte/soften-steps";
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

/** The steepest step between 4-neighbours in 8-bit levels, as the cutout PNG stores α. */
function steepest8(p: Plane): number {
  const q = { ...p, data: p.data.map((v) => Math.round(v * 255)) };
  return Math.round(steepest(q));
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

  it("brings a steep outline down to steps under ½ in 8-bit levels, lowering the piece only", () => {
    // A hard outline (1 → 0.3 → 0) as the ramp draws it on a steep map.
    const f = (x: number, y: number) => (x + 0.5 * y < 25 ? 1 : x + 0.5 * y < 26 ? 0.3 : 0);
    const p = plane(40, 30, f);
    const before = p.data.slice();
    expect(steepest(p)).toBeCloseTo(0.7, 5);
    expect(softenSteps(p)).toBeGreaterThan(0);
    expect(steepest8(p)).toBeLessThanOrEqual(127);
    for (let i = 0; i < before.length; i++) {
      expect(p.data[i]!).toBeLessThanOrEqual(before[i]!);
      if (before[i] === 0) expect(p.data[i]).toBe(0);
    }
    // The partial pixels keep their value; the opaque pixel beside one comes down to 127 levels above
    // it (round(0.3·255) = 77 → 204); two pixels in, the piece is opaque as before.
    const y = 10;
    const x0 = 25 - 0.5 * y - 1; // the last opaque pixel of row 10
    expect(p.data[y * 40 + x0 + 1]!).toBeCloseTo(0.3, 5);
    expect(p.data[y * 40 + x0]!).toBeCloseTo(204 / 255, 5);
    expect(p.data[y * 40 + x0 - 2]!).toBe(1);
  });

  it("keeps a wire one pixel wide in the piece at 128/255; the cutout raises its sides to 1/255", () => {
    const p = plane(20, 20, (x) => (x === 10 ? 1 : 0));
    softenSteps(p);
    expect(Math.round(p.data[5 * 20 + 10]! * 255)).toBe(128);
    expect(p.data[5 * 20 + 9]).toBe(0);
    const rgba = new Uint8Array(20 * 20 * 4);
    for (let i = 0; i < 400; i++) {
      rgba.set([200, 180, 90], 4 * i);
      rgba[4 * i + 3] = Math.round(p.data[i]! * 255);
    }
    // Only clear pixels beside the wire are raised, with the wire's colour.
    const pairs = outlineFloor(p, { x: 10, y: 0, w: 1, h: 20 });
    expect(pairs.length).toBe(80);
    expect(raiseOutlineFloor(rgba, pairs)).toBe(40);
    expect(Array.from(rgba.subarray(4 * (5 * 20 + 9), 4 * (5 * 20 + 9) + 4))).toEqual([200, 180, 90, 1]);
    expect(rgba[4 * (5 * 20 + 8) + 3]).toBe(0);
    const a = { width: 20, height: 20, data: Float32Array.from({ length: 400 }, (_, i) => rgba[4 * i + 3]! / 255) };
    expect(steepest8(a)).toBeLessThanOrEqual(127);
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
