// The binary16 decoder behind the float32 widening of the shipped ISNet graph.
import { describe, expect, it } from "vitest";
import { halfToFloat } from "../../../workers/retouch/segment/model-fp32";

describe("halfToFloat", () => {
  it("decodes normal, subnormal and special bit patterns", () => {
    expect(halfToFloat(0x3c00)).toBe(1);
    expect(halfToFloat(0xc000)).toBe(-2);
    expect(halfToFloat(0x3555)).toBeCloseTo(0.33325195, 8);
    expect(halfToFloat(0x7bff)).toBe(65504); // largest finite
    expect(halfToFloat(0x0001)).toBe(2 ** -24); // smallest subnormal
    expect(halfToFloat(0x03ff)).toBeCloseTo(6.097555e-5, 10); // largest subnormal
    expect(halfToFloat(0x0000)).toBe(0);
    expect(Object.is(halfToFloat(0x8000), -0)).toBe(true);
    expect(halfToFloat(0x7c00)).toBe(Infinity);
    expect(halfToFloat(0xfc00)).toBe(-Infinity);
    expect(halfToFloat(0x7e00)).toBeNaN();
  });
});
