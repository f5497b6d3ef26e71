// The full-resolution passes run only on the box where α can be non-zero (pixels/active-box.ts,
// matte/network-alpha.ts's alphaBox and upsampledBox). Outside the box they must give exactly what a
// pass over the whole frame gives, so each is checked here against the whole-frame pass and against
// a plain reference written from the definitions.
import { describe, expect, it } from "vitest";
import { activeBox, growBox, unionBox } from "../../../workers/retouch/pixels/active-box";
import { alphaBox, forEachMapRow, networkAlpha, upsampledBox } from "../../../workers/retouch/matte/network-alpha";
import { spotSearchAlpha } from "../../../workers/retouch/matte/pipeline-matte";
import { mapShares } from "../../../workers/retouch/matte/cutout-confidence";
import { pieceBox } from "../../../workers/retouch/compose/frame";
import { applyGains } from "../../../workers/retouch/backdrop/apply-gains";
import type { Plane } from "../../../workers/retouch/types";

/** Bilinear upsample with half-pixel centres, clamped at the borders, from its definition. */
function refUpsample(src: Plane, W: number, H: number): Float64Array {
  const out = new Float64Array(W * H);
  const tap = (n: number, m: number, x: number) => {
    const u = Math.min(Math.max((x + 0.5) * (n / m) - 0.5, 0), n - 1);
    const a = Math.floor(u);
    return [a, Math.min(a + 1, n - 1), u - a] as const;
  };
  for (let y = 0; y < H; y++) {
    const [y0, y1, fy] = tap(src.height, H, y);
    for (let x = 0; x < W; x++) {
      const [x0, x1, fx] = tap(src.width, W, x);
      const v = (r: number, c: number) => src.data[r * src.width + c]!;
      out[y * W + x] =
        (1 - fy) * ((1 - fx) * v(y0, x0) + fx * v(y0, x1)) + fy * ((1 - fx) * v(y1, x0) + fx * v(y1, x1));
    }
  }
  return out;
}

/** A 40×30 map: a piece (0.9) with a soft rim, a faint haze patch under the ramp, 0 elsewhere. */
function map(): Plane {
  const w = 40;
  const h = 30;
  const d = new Float32Array(w * h);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const r = Math.hypot(x - 14, y - 12);
      d[y * w + x] = r < 5 ? 0.9 : r < 7 ? 0.4 : 0;
      if (x >= 30 && x < 34 && y >= 20 && y < 24) d[y * w + x] = 0.1; // haze: above the faint level, under lo
    }
  return { width: w, height: h, data: d };
}

const W = 173;
const H = 131;
const FULL = { x: 0, y: 0, w: W, h: H };

describe("active box (pixels/active-box.ts)", () => {
  it("is the bounding box of the non-zero pixels, NaN included, and null on an empty plane", () => {
    const p = new Float32Array(20 * 10);
    expect(activeBox(p, 20, 10)).toBeNull();
    p[3 * 20 + 5] = 0.01;
    p[7 * 20 + 2] = NaN;
    p[4 * 20 + 17] = -0.5;
    expect(activeBox(p, 20, 10)).toEqual({ x: 2, y: 3, w: 16, h: 5 });
    // Reading only a box that holds them all gives the same answer.
    expect(activeBox(p, 20, 10, { x: 1, y: 2, w: 18, h: 7 })).toEqual({ x: 2, y: 3, w: 16, h: 5 });
  });

  it("grows within the frame and unites boxes", () => {
    expect(growBox({ x: 1, y: 5, w: 4, h: 3 }, 2, 6, 9)).toEqual({ x: 0, y: 3, w: 6, h: 6 });
    expect(unionBox({ x: 1, y: 1, w: 2, h: 2 }, { x: 5, y: 0, w: 1, h: 1 })).toEqual({ x: 1, y: 0, w: 5, h: 3 });
    expect(unionBox(null, { x: 5, y: 0, w: 1, h: 1 })).toEqual({ x: 5, y: 0, w: 1, h: 1 });
    expect(unionBox(null, null)).toBeNull();
  });
});

describe("network alpha on its box (matte/network-alpha.ts)", () => {
  const prob = map();
  const ramp = { lo: 0.15, hi: 0.7 };
  const up = refUpsample(prob, W, H);

  it("upsampledBox holds every pixel whose upsampled value exceeds the floor, and is tight", () => {
    for (const floor of [0, 0.05, 0.149]) {
      const b = upsampledBox(prob, W, H, floor)!;
      let inside = 0;
      for (let y = 0; y < H; y++)
        for (let x = 0; x < W; x++) {
          const inBox = x >= b.x && x < b.x + b.w && y >= b.y && y < b.y + b.h;
          if (!inBox) expect(up[y * W + x]!).toBeLessThanOrEqual(floor + 1e-6);
          else inside++;
        }
      // Tight: the box is no larger than the pixels with a tap above the floor need (the map's
      // non-zero part spans 15 and 24 of 40×30 samples; a tap reaches at most one output pixel beyond).
      expect(inside).toBeLessThan(W * H);
    }
    expect(upsampledBox({ width: 4, height: 4, data: new Float32Array(16) }, W, H, 0)).toBeNull();
  });

  it("gives bit for bit the whole-frame pass, and 0 outside its box", () => {
    const fill: Plane = { width: 20, height: 15, data: new Float32Array(300) };
    fill.data[6 * 20 + 12] = 1; // a filled work pixel outside the map's piece
    const box = alphaBox(prob, W, H, ramp, fill)!;
    const boxed = networkAlpha(prob, W, H, ramp, fill).data;
    const whole = networkAlpha(prob, W, H, ramp, fill, FULL).data;
    expect(Buffer.from(boxed.buffer).equals(Buffer.from(whole.buffer))).toBe(true);
    expect(box.w * box.h).toBeLessThan((W * H) / 2);
    const fu = refUpsample(fill, W, H);
    for (let i = 0; i < boxed.length; i++) {
      const r = Math.max(Math.min(1, Math.max(0, (up[i]! - ramp.lo) / (ramp.hi - ramp.lo))), fu[i]!);
      expect(boxed[i]!).toBeCloseTo(r, 5);
    }
    // The fill alone reaches outside the map's box: the union keeps it.
    expect(activeBox(boxed, W, H)).toEqual(activeBox(whole, W, H));
  });

  it("with the bare map (lo = 0) the box is the whole frame", () => {
    const ones: Plane = { width: 8, height: 8, data: new Float32Array(64).fill(0.001) };
    expect(alphaBox(ones, W, H, { lo: 0, hi: 1 })).toEqual(FULL);
  });

  it("the dust plane and the map's shares read only the box, with the whole frame's values", () => {
    const alpha = networkAlpha(prob, W, H, ramp);
    const live = activeBox(alpha.data, W, H)!;
    const boxed = spotSearchAlpha(prob, alpha, live);
    const whole = spotSearchAlpha(prob, alpha, FULL);
    expect(Buffer.from(boxed.buffer).equals(Buffer.from(whole.buffer))).toBe(true);
    for (let i = 0; i < boxed.length; i++)
      expect(boxed[i]!).toBeCloseTo(Math.min(Math.min(1, Math.max(0, up[i]!)), alpha.data[i]!), 5);
    // Shares from the plain upsample: the haze patch counts although α is 0 there.
    let opaque = 0;
    let haze = 0;
    for (const v of up) {
      if (v >= 0.5) opaque++;
      else if (v > 12 / 255) haze++;
    }
    const s = mapShares(prob, W, H);
    expect(s.opaque * W * H).toBeCloseTo(opaque, 6);
    expect(s.haze * W * H).toBeCloseTo(haze, 6);
    expect(haze).toBeGreaterThan(0);
    let rows = 0;
    forEachMapRow(prob, W, H, () => rows++, live);
    expect(rows).toBe(live.h);
  });

  it("pieceBox over the live box is pieceBox over the frame", () => {
    const alpha = networkAlpha(prob, W, H, ramp).data;
    expect(pieceBox(alpha, W, H, activeBox(alpha, W, H)!)).toEqual(pieceBox(alpha, W, H));
  });
});

describe("gains on the live box (backdrop/apply-gains.ts)", () => {
  it("visiting only the box where α ≠ 0 gives the whole image's result", () => {
    const w = 30;
    const h = 20;
    const rgba = new Uint8Array(w * h * 4).map((_, i) => (i * 97) % 256);
    for (let i = 0; i < w * h; i++) {
      const x = i % w;
      const y = Math.floor(i / w);
      if (x < 4 || x >= 25 || y < 3 || y >= 17) rgba[4 * i + 3] = 0; // clear outside the piece's box
    }
    const gains = { exposure: 1.3, whiteBalance: [1.1, 1, 0.85] as [number, number, number] };
    const whole = rgba.slice();
    applyGains(whole, 4, gains);
    const boxed = rgba.slice();
    applyGains(boxed, 4, gains, { box: { x: 4, y: 3, w: 21, h: 14 }, width: w });
    expect(Buffer.from(boxed).equals(Buffer.from(whole))).toBe(true);
    expect(Buffer.from(boxed).equals(Buffer.from(rgba))).toBe(false);
  });
});
