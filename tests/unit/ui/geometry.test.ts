// The review page maps the square composite back into the original photo's frame: the inverse of the
// engine's layout. Checked against the engine's own layout (forward): the piece's box corners, mapped
// through the placement, land where the engine put them on the canvas.
import { describe, expect, it } from "vitest";
import { framingReport, layoutPiece, type Sides } from "../../../workers/retouch/compose/layout";
import { compositePlacement, type Framing } from "../../../app/ui/geometry";

const NONE: Sides = { left: false, top: false, right: false, bottom: false };

/** Canvas px of an input-frame point, through the page's placement of the composite. */
function toCanvas(f: Framing, x: number, y: number) {
  const p = compositePlacement(f);
  return { x: ((x - p.x) * f.size!) / p.w, y: ((y - p.y) * f.size!) / p.h };
}

const cases: Array<{
  name: string;
  box: { x: number; y: number; w: number; h: number };
  cut: Sides;
  size: number;
  margin: number;
  upscale?: boolean;
}> = [
  {
    name: "centred, no side cut, scaled down",
    box: { x: 310, y: 220, w: 2400, h: 1700 },
    cut: NONE,
    size: 2048,
    margin: 0.08,
  },
  {
    name: "cut on the right and bottom (a chain off the frame), small photo",
    box: { x: 24, y: 32, w: 1176, h: 1168 },
    cut: { left: false, top: false, right: true, bottom: true },
    size: 2048,
    margin: 0.05,
  },
  {
    name: "cut on the left only",
    box: { x: 0, y: 400, w: 900, h: 300 },
    cut: { left: true, top: false, right: false, bottom: false },
    size: 1024,
    margin: 0.1,
  },
  {
    name: "upscaled small piece",
    box: { x: 40, y: 60, w: 300, h: 200 },
    cut: NONE,
    size: 2048,
    margin: 0.08,
    upscale: true,
  },
];

describe("compositePlacement", () => {
  for (const c of cases) {
    it(`puts the piece's box where the engine placed it: ${c.name}`, () => {
      const lay = layoutPiece(c.box, c.cut, c.size, c.margin, c.upscale);
      const framing: Framing = { box: c.box, fill: 0.9, ...framingReport(lay) };
      const tl = toCanvas(framing, c.box.x, c.box.y);
      const br = toCanvas(framing, c.box.x + c.box.w, c.box.y + c.box.h);
      expect(tl.x).toBeCloseTo(lay.placed.x, 6);
      expect(tl.y).toBeCloseTo(lay.placed.y, 6);
      expect(br.x).toBeCloseTo(lay.placed.x + lay.placed.w, 6);
      expect(br.y).toBeCloseTo(lay.placed.y + lay.placed.h, 6);
    });

    it(`without the report's placed box, lays it out again from scale and cut sides within a pixel: ${c.name}`, () => {
      const lay = layoutPiece(c.box, c.cut, c.size, c.margin, c.upscale);
      const { placed: _placed, ...older } = framingReport(lay);
      const framing: Framing = { box: c.box, fill: 0.9, ...older };
      const tl = toCanvas(framing, c.box.x, c.box.y);
      const br = toCanvas(framing, c.box.x + c.box.w, c.box.y + c.box.h);
      expect(Math.abs(tl.x - lay.placed.x)).toBeLessThanOrEqual(1);
      expect(Math.abs(tl.y - lay.placed.y)).toBeLessThanOrEqual(1);
      expect(Math.abs(br.x - (lay.placed.x + lay.placed.w))).toBeLessThanOrEqual(1.5);
      expect(Math.abs(br.y - (lay.placed.y + lay.placed.h))).toBeLessThanOrEqual(1.5);
    });
  }

  it("the oldest reports (box and fill only) keep the centred placement", () => {
    const p = compositePlacement({ box: { x: 100, y: 200, w: 400, h: 200 }, fill: 0.8 });
    expect(p).toEqual({ x: 50, y: 50, w: 500, h: 500 });
  });
});
