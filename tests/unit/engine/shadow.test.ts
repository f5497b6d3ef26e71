// The soft shadow is the piece's own contact shadow: it hugs the silhouette (no full-width band),
// is heavier under the piece than over it, and its strength is the setting; on the composite it is
// neutral (it darkens the background without tinting it).
import { describe, expect, it } from "vitest";
import { shadowFromPlaced, type Shadow } from "../../../workers/retouch/compose/shadow";
import type { Placed } from "../../../workers/retouch/compose/canvas";
import sharp from "sharp";
import { makeFixture, fixturePng } from "../../fixtures/jewelry";
import { truthSegmenter } from "../../fixtures/segmenters";
import { runPipeline } from "../../../workers/retouch/pipeline";
import type { RetouchSettings } from "../../../workers/retouch/settings";

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

describe("contact shadow on the composite", () => {
  /** The composite (RGBA) of a ring photo with the given settings. */
  async function composite(settings: Partial<RetouchSettings>) {
    const f = makeFixture({ size: 480, layout: "ring", seed: 22 });
    const r = await runPipeline(await fixturePng(f), { format: "png", ...settings }, truthSegmenter(f, 384));
    const { data, info } = await sharp(r.output.composite).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    return { data, size: info.width, placed: r.output.report.framing.placed! };
  }

  /** Background pixels (equal to the background without a shadow) that the shadow darkened: [pixel, darkening of G]. */
  function darkened(plain: Uint8Array, shaded: Uint8Array, bg: number[]): Array<[number, number]> {
    const out: Array<[number, number]> = [];
    for (let p = 0; p < plain.length; p += 4)
      if (plain[p] === bg[0] && plain[p + 1] === bg[1] && plain[p + 2] === bg[2] && shaded[p + 1]! < bg[1]!)
        out.push([p, bg[1]! - shaded[p + 1]!]);
    return out;
  }

  it("is neutral: grey on white, the background's own hue on a coloured one; its strength is the setting", async () => {
    for (const [hex, bg] of [
      ["#ffffff", [255, 255, 255]],
      ["#f2e6d9", [242, 230, 217]],
    ] as const) {
      const plain = await composite({ background: hex });
      const half = await composite({ background: hex, shadow: "soft", shadowStrength: 0.5 });
      const quarter = await composite({ background: hex, shadow: "soft", shadowStrength: 0.25 });
      const d = darkened(plain.data, half.data, [...bg]);
      expect(d.length, hex).toBeGreaterThan(2000);
      let worst = 0;
      for (const [p] of d) {
        // Each channel keeps the background's share: shadow = background × (1 − a), the same a for all three.
        const a = 1 - half.data[p + 1]! / bg[1];
        for (const c of [0, 2]) worst = Math.max(worst, Math.abs(half.data[p + c]! - bg[c]! * (1 - a)));
      }
      expect(worst, hex).toBeLessThanOrEqual(1.5);
      // Half the strength, about half the darkening in total.
      const sum = (xs: Array<[number, number]>) => xs.reduce((s, [, v]) => s + v, 0);
      const ratio = sum(darkened(plain.data, quarter.data, [...bg])) / sum(d);
      expect(ratio, hex).toBeGreaterThan(0.4);
      expect(ratio, hex).toBeLessThan(0.6);
      // It stays by the piece: nothing darkened beyond 5 % of the canvas from the piece's box.
      const { x, y, w, h } = half.placed;
      const reach = Math.ceil(0.05 * half.size);
      for (const [p] of d) {
        const px = (p / 4) % half.size;
        const py = Math.floor(p / 4 / half.size);
        expect(px >= x - reach && px < x + w + reach && py >= y - reach && py < y + h + reach).toBe(true);
      }
    }
  });
});
