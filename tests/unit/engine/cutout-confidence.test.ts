// The cutout-confidence warning on alpha planes with known content: clean pieces (a solid disc, a
// thin chain-like loop) pass; a ghosted prop, a prop kept opaque over most of the frame, and a small
// piece under a faint haze are flagged with their measured share.
import { describe, expect, it } from "vitest";
import { BULK, HAZE_FRAME, cutoutConfidence, cutoutShares } from "../../../workers/retouch/matte/cutout-confidence";

const W = 400;
const H = 300;

/** α of a ring of radii [r0, r1] around (cx, cy) with a 1.5 px linear edge on both sides. */
function ring(alpha: Float32Array, cx: number, cy: number, r0: number, r1: number): void {
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      const d = Math.hypot(x + 0.5 - cx, y + 0.5 - cy);
      const a = Math.max(0, Math.min(1, Math.min(d - r0, r1 - d) / 1.5 + 0.5));
      alpha[y * W + x] = Math.max(alpha[y * W + x]!, a);
    }
}

function fill(alpha: Float32Array, x0: number, y0: number, x1: number, y1: number, a: number): void {
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) alpha[y * W + x] = Math.max(alpha[y * W + x]!, a);
}

describe("cutout confidence", () => {
  it("passes a clean solid piece", () => {
    const a = new Float32Array(W * H);
    ring(a, 200, 150, -1, 60); // a disc
    const s = cutoutShares(a);
    expect(s.opaque).toBeCloseTo((Math.PI * 60 * 60) / (W * H), 2);
    expect(cutoutConfidence(s)).toEqual([]);
  });

  it("passes a thin loop, whose soft edge is large against its opaque area", () => {
    const a = new Float32Array(W * H);
    ring(a, 200, 150, 100, 104); // 4 px wide
    const s = cutoutShares(a);
    expect(s.haze / s.opaque).toBeGreaterThan(0.2);
    expect(cutoutConfidence(s)).toEqual([]);
  });

  it("flags a ghosted prop over a fifth of the frame", () => {
    const a = new Float32Array(W * H);
    ring(a, 200, 150, -1, 40);
    fill(a, 0, 180, W, 240, 0.3); // a half-transparent drape: 20 % of the frame
    const [w, ...rest] = cutoutConfidence(cutoutShares(a));
    expect(rest).toEqual([]);
    expect(w!.code).toBe("CUTOUT_UNCERTAIN");
    expect(w!.severity).toBe("warning");
    expect(w!.value).toBeCloseTo(0.2, 2);
    expect(w!.threshold).toBe(HAZE_FRAME);
    expect(w!.message).toMatch(/20 % of the photo/);
  });

  it("flags a small piece under a faint haze that is small against the frame but large against the piece", () => {
    const a = new Float32Array(W * H);
    ring(a, 200, 150, -1, 15); // ~0.6 % of the frame
    fill(a, 0, 0, W, 12, 0.2); // 4 % of the frame
    const [w] = cutoutConfidence(cutoutShares(a));
    expect(w?.code).toBe("CUTOUT_UNCERTAIN");
    expect(w!.value).toBeCloseTo(0.04, 2);
    // The same haze next to a large piece is within what edges produce: not flagged.
    ring(a, 200, 150, -1, 90);
    expect(cutoutConfidence(cutoutShares(a))).toEqual([]);
  });

  it("flags a cutout that kept most of the frame opaque", () => {
    const a = new Float32Array(W * H);
    fill(a, 0, 0, W, 225, 1); // 75 %
    const [w] = cutoutConfidence(cutoutShares(a));
    expect(w?.code).toBe("CUTOUT_UNCERTAIN");
    expect(w!.value).toBe(0.75);
    expect(w!.threshold).toBe(BULK);
    expect(w!.message).toMatch(/kept 75 % of the photo/);
  });
});
