// The soft shadow is the piece's own contact shadow: it hugs the silhouette (no full-width band),
// is heavier under the piece than over it, and its strength is the setting.
import { describe, expect, it } from "vitest";
import { shadowFromPlaced, type Shadow } from "../../../workers/retouch/compose/shadow";
import type { Placed } from "../../../workers/retouch/compose/canvas";

const SIZE = 600;

/** A ring-like silhouette: an annulus 160 px across at (200, 150) on the canvas. */
function ring(): Placed {
  const w = 160;
  const data = new Uint8Array(w * w * 4);
  for (let y = 0; y < w; y++)
    for (let x = 0; x < w; x++) {
      const d = Math.hypot(x - 79.5, y - 79.5);
      if (d <= 78 && d >= 58) data[4 * (y * w + x) + 3] = 255;
    }
  return { x: 200, y: 150, w, h: w, data };
}

function at(s: Shadow, x: number, y: number): number {
  return y < s.top || y >= s.top + s.rows ? 0 : s.alpha[(y - s.top) * SIZE + x]!;
}

describe("contact shadow", () => {
  it("hugs the silhouette: nothing beyond a few percent of the canvas from the piece", async () => {
    const s = await shadowFromPlaced([ring()], SIZE, 0.5);
    let far = 0;
    let near = 0;
    for (let y = 0; y < SIZE; y++)
      for (let x = 0; x < SIZE; x++) {
        const a = at(s, x, y);
        if (!a) continue;
        const outside = x < 200 - 40 || x >= 360 + 40 || y < 150 - 40 || y >= 310 + 40;
        if (outside) far++;
        else near++;
      }
    expect(near).toBeGreaterThan(1000);
    expect(far).toBe(0);
  });

  it("is heavier just under the piece than just over it, and visible there", async () => {
    const s = await shadowFromPlaced([ring()], SIZE, 0.5);
    let below = 0;
    let above = 0;
    for (let x = 272; x < 288; x++) {
      for (let d = 1; d <= 4; d++) {
        below += at(s, x, 310 + d);
        above += at(s, x, 150 - d);
      }
    }
    expect(below).toBeGreaterThan(2 * above);
    expect(below / (16 * 4)).toBeGreaterThan(20); // ≥ 8 % darker on average right under the piece
  });

  it("strength is a setting: half the strength, half the darkness; zero, none", async () => {
    const full = await shadowFromPlaced([ring()], SIZE, 0.6);
    const half = await shadowFromPlaced([ring()], SIZE, 0.3);
    const max = (s: Shadow) => s.alpha.reduce((m, v) => Math.max(m, v), 0);
    expect(max(full)).toBeGreaterThan(60);
    expect(Math.abs(max(half) - max(full) / 2)).toBeLessThanOrEqual(1);
    expect((await shadowFromPlaced([ring()], SIZE, 0)).rows).toBe(0);
  });
});
