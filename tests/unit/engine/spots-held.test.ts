// Spots the engine holds back are listed, not applied: a dark blob with the gold's own colour (a pit
// by the shading test) is a suggestion the merchant can turn on by id, and then it is painted.
import { describe, expect, it } from "vitest";
import { cleanSpots } from "../../../workers/retouch/spots/clean";
import { metalDisc, type MetalDisc } from "../../fixtures/metal-disc";
import { LINEAR_LUT, linearToSrgb } from "../../../workers/retouch/color";

const S = 160;
const GOLD = [200, 170, 120];

function plate(): MetalDisc {
  const { rgba, alpha } = metalDisc(S, () => GOLD);
  // A 4 × 4 blob at 0.65 of the gold's linear light on every channel: the same chromaticity, about
  // 30 levels of luma darker — shading by colour, and too shallow to count as a stain.
  for (let y = 78; y < 82; y++)
    for (let x = 78; x < 82; x++)
      for (let c = 0; c < 3; c++)
        rgba[4 * (y * S + x) + c] = Math.round(linearToSrgb(0.65 * LINEAR_LUT[GOLD[c]!]!) * 255);
  return { rgba, alpha };
}

describe("held-back spots", () => {
  it("are listed as suggestions, not painted, and painted when the merchant turns one on", () => {
    const a = plate();
    const before = new Uint8Array(a.rgba);
    const first = cleanSpots(a.rgba, S, S, a.alpha, new Set());
    expect(first.edits).toHaveLength(1);
    const held = first.edits[0]!;
    expect(held.held).toBe("shading");
    expect(held.disabled).toBe(true);
    expect(held.box).toEqual({ x: 78, y: 78, w: 4, h: 4 });
    // Its confidence is halved (the place argues against it) and still above zero.
    expect(held.confidence).toBeGreaterThan(0);
    expect(held.confidence).toBeLessThanOrEqual(0.5);
    expect(Array.from(a.rgba)).toEqual(Array.from(before));

    const b = plate();
    const second = cleanSpots(b.rgba, S, S, b.alpha, new Set([held.id]));
    expect(second.edits.map((e) => [e.id, e.box, e.held, e.disabled ?? false])).toEqual([
      [held.id, held.box, "shading", false],
    ]);
    // The blob is filled from the gold around it.
    const q = 4 * (80 * S + 80);
    expect(Math.abs(b.rgba[q + 1]! - GOLD[1]!)).toBeLessThanOrEqual(3);
    expect(before[q + 1]!).toBeLessThan(GOLD[1]! - 20);
  });
});
