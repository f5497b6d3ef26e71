// Faint light specks on neutral metal (spots/faint-specks.ts): a light grey speck 10 levels over
// polished silver is under the spot search's threshold; it is found when round, small and on even
// metal, while a brushed finish's faint streak and the flank of a highlight stay as shot.
import { describe, expect, it } from "vitest";
import { cleanSpots } from "../../../workers/retouch/spots/clean";
import { metalDisc } from "../../fixtures/metal-disc";

const S = 160;
const SILVER = 190;

/**
 * A silver disc (radius 70) with ±1 of deterministic noise and a near-white catchlight (the piece's
 * peak, from which the catchlight level is read); `paint` adds luma over boxes.
 */
function plate(paint: Array<{ x: number; y: number; w: number; h: number; add: number }>) {
  const { rgba, alpha } = metalDisc(S, (x, y) => {
    const v = SILVER + (((x * 7 + y * 13) % 3) - 1);
    return [v, v, v];
  });
  for (const b of [{ x: 40, y: 100, w: 6, h: 6, add: 60 }, ...paint])
    for (let y = b.y; y < b.y + b.h; y++)
      for (let x = b.x; x < b.x + b.w; x++) for (let c = 0; c < 3; c++) rgba[4 * (y * S + x) + c]! += b.add;
  return { rgba, alpha };
}
const lumaAt = (rgba: Uint8Array, x: number, y: number) => rgba[4 * (y * S + x) + 1]!;

describe("faint light specks on neutral metal", () => {
  it("a 4 × 4 speck 11 over the silver is removed (under the search's threshold of 12)", () => {
    const p = plate([{ x: 60, y: 70, w: 4, h: 4, add: 11 }]);
    const r = cleanSpots(p.rgba, S, S, p.alpha, new Set());
    expect(r.edits.map((e) => [e.box, e.held ?? null, e.reason])).toEqual([
      [{ x: 60, y: 70, w: 4, h: 4 }, null, "dust"],
    ]);
    expect(Math.abs(lumaAt(p.rgba, 61, 71) - SILVER)).toBeLessThanOrEqual(2);
  });

  it("a speck 7 over the silver (under the faint peak of 9) stays", () => {
    const p = plate([{ x: 60, y: 70, w: 4, h: 4, add: 7 }]);
    expect(cleanSpots(p.rgba, S, S, p.alpha, new Set()).edits).toEqual([]);
  });

  it("a faint streak 1 × 6 (a brushed finish's grain) stays", () => {
    const p = plate([{ x: 60, y: 70, w: 6, h: 1, add: 11 }]);
    expect(cleanSpots(p.rgba, S, S, p.alpha, new Set()).edits).toEqual([]);
  });

  it("a faint blob beside a near-white highlight (its flank) stays, and so does the highlight", () => {
    const p = plate([
      { x: 90, y: 70, w: 6, h: 6, add: 60 },
      { x: 96, y: 71, w: 3, h: 3, add: 11 },
    ]);
    const before = new Uint8Array(p.rgba);
    const r = cleanSpots(p.rgba, S, S, p.alpha, new Set());
    expect(r.edits.filter((e) => !e.held)).toEqual([]);
    expect(Array.from(p.rgba)).toEqual(Array.from(before));
  });
});
