// The canvas: never larger than what the piece's pixels support unless upscaling is asked for, and
// sides the photo cut stay cut (the piece touches the canvas edge there; margins elsewhere).
import { describe, expect, it } from "vitest";
import { cutSides, framingReport, layoutPiece, type Sides } from "../../../workers/retouch/compose/layout";

const NONE: Sides = { left: false, top: false, right: false, bottom: false };

describe("layout", () => {
  it("a small piece is not enlarged: the canvas shrinks to what it supports, and the report says so", () => {
    const l = layoutPiece({ x: 40, y: 60, w: 300, h: 200 }, NONE, 2048, 0.08);
    expect(l.size).toBe(Math.ceil(300 / 0.84)); // 358
    expect(l.scale).toBe(1);
    expect(l.placed).toEqual({ x: 29, y: 79, w: 300, h: 200 });
    const r = framingReport(l);
    expect(r.note).toMatch(/too small for the store's 2048 px/);
    expect(r.size).toBe(358);
  });

  it("upscaling only when asked: then the canvas is the requested size and the report says it was enlarged", () => {
    const l = layoutPiece({ x: 40, y: 60, w: 300, h: 200 }, NONE, 2048, 0.08, true);
    expect(l.size).toBe(2048);
    expect(l.placed.w).toBe(Math.round(2048 * 0.84));
    expect(framingReport(l).note).toMatch(/enlarged ×5\.73/);
  });

  it("a large piece is reduced to the requested size with the same margins as before", () => {
    const l = layoutPiece({ x: 0, y: 0, w: 3000, h: 2000 }, NONE, 2048, 0.08);
    expect(l.size).toBe(2048);
    expect(l.placed.w).toBe(Math.round(2048 * 0.84));
    expect(l.placed.x).toBe(Math.round((2048 - l.placed.w) / 2));
    expect(framingReport(l).note).toBeUndefined();
  });

  it("a chain cut by the photo's left edge runs off the canvas's left edge; margins on the other sides", () => {
    const l = layoutPiece({ x: 0, y: 300, w: 2400, h: 900 }, { ...NONE, left: true }, 2048, 0.08);
    expect(l.placed.x).toBe(0);
    expect(l.size - (l.placed.x + l.placed.w)).toBeGreaterThanOrEqual(Math.floor(0.08 * 2048));
    // Only one margin on the horizontal axis: the piece is larger than with two.
    expect(l.placed.w).toBe(Math.round(2048 * 0.92));
    expect(l.placed.y).toBe(Math.round((2048 - l.placed.h) / 2));
  });

  it("cut at the bottom and right: anchored in that corner", () => {
    const l = layoutPiece({ x: 500, y: 400, w: 1500, h: 1600 }, { ...NONE, right: true, bottom: true }, 1024, 0.1);
    expect(l.placed.x + l.placed.w).toBe(l.size);
    expect(l.placed.y + l.placed.h).toBe(l.size);
    expect(l.placed.y).toBeGreaterThanOrEqual(Math.floor(0.1 * l.size));
  });

  it("cutSides needs opaque piece pixels on the edge, not a faint matte fringe", () => {
    const W = 50;
    const H = 40;
    const rgba = new Uint8Array(W * H * 4);
    // A strand from (0, 20) to (30, 20), three rows thick; a faint fringe touching the top edge.
    for (let y = 19; y <= 21; y++) for (let x = 0; x <= 30; x++) rgba[4 * (y * W + x) + 3] = 255;
    for (let y = 0; y < 19; y++) rgba[4 * (y * W + 10) + 3] = 20;
    expect(cutSides(rgba, W, H, { x: 0, y: 0, w: 31, h: 22 })).toEqual({
      left: true,
      top: false,
      right: false,
      bottom: false,
    });
  });
});
