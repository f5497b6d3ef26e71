// A backdrop swap is not a colour change: the white balance the guards expect on the piece comes
// from the surface only where the surface kept (gains on the whole photo) or neutral. A result whose
// backdrop is mostly studio white with a few patches of a red velvet left behind swapped the
// backdrop: those patches' ratio to the velvet is no correction (it was ×6 on green for
// tamar_earring_0363, read as a metal and gem colour change). Velvet values: that photo's border
// median (linear RGB); 74 % of its result's backdrop clipped white.
import { describe, expect, it } from "vitest";
import { estimateWhiteBalance } from "../../../workers/retouch/guards/gains";
import type { Coarse } from "../../../workers/retouch/guards/work";

const VELVET: [number, number, number] = [0.391, 0.0129, 0.0363];
const W = 100;
const H = 50;

function coarse(before: (i: number) => number[], after: (i: number) => number[]): { c: Coarse; bg: Uint8Array } {
  const n = W * H;
  const b = new Float32Array(n * 3);
  const a = new Float32Array(n * 3);
  for (let i = 0; i < n; i++)
    for (let k = 0; k < 3; k++) {
      b[i * 3 + k] = before(i)[k]!;
      a[i * 3 + k] = after(i)[k]!;
    }
  return { c: { w: W, h: H, beforeLin: b, afterLin: a, alpha: new Float32Array(n) }, bg: new Uint8Array(n).fill(1) };
}

describe("white balance read from a swapped or kept backdrop", () => {
  it("a red velvet replaced by white, patches of it left: no white balance (the piece compared as shot)", () => {
    const { c, bg } = coarse(
      () => VELVET,
      (i) => (i % 100 < 74 ? [1, 1, 1] : VELVET.map((v) => 0.8 * v)),
    );
    expect(estimateWhiteBalance(c, bg)).toEqual([1, 1, 1]);
  });

  it("the same velvet kept, the whole photo warmed: the ratio is the correction", () => {
    const k = [1.1, 0.9, 1.0];
    const { c, bg } = coarse(
      () => VELVET,
      () => VELVET.map((v, j) => v * k[j]!),
    );
    const wb = estimateWhiteBalance(c, bg);
    // Normalised to unit luminance gain: the channel ratios stay those of k.
    expect(wb[0] / wb[1]).toBeCloseTo(1.1 / 0.9, 3);
    expect(wb[2] / wb[1]).toBeCloseTo(1.0 / 0.9, 3);
  });

  it("a warm grey card swapped for clipped white: its cast is neutralised (von Kries)", () => {
    const card = [0.5, 0.48, 0.44];
    const { c, bg } = coarse(
      () => card,
      () => [1, 1, 1],
    );
    const wb = estimateWhiteBalance(c, bg);
    expect(wb[0] / wb[1]).toBeCloseTo(0.48 / 0.5, 3);
    expect(wb[2] / wb[1]).toBeCloseTo(0.48 / 0.44, 3);
  });
});
