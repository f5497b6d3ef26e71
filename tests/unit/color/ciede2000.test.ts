import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { differenceCiede2000, converter } from "culori";
import {
  deltaE2000,
  deltaE2000Batch,
  hueAngleDelta,
  linearRgbToLab,
  srgbToLinear,
} from "../../../workers/retouch/color";

const pairs: number[][] = JSON.parse(
  readFileSync(new URL("../../data/ciede2000-sharma2005.json", import.meta.url), "utf8"),
);

describe("CIEDE2000", () => {
  it("matches all 34 Sharma, Wu & Dalal (2005) pairs to 4 decimals, both ways round", () => {
    expect(pairs).toHaveLength(34);
    for (const [L1, a1, b1, L2, a2, b2, want] of pairs as [number, number, number, number, number, number, number][]) {
      expect(Number(deltaE2000(L1, a1, b1, L2, a2, b2).toFixed(4))).toBe(want);
      expect(Number(deltaE2000(L2, a2, b2, L1, a1, b1).toFixed(4))).toBe(want);
    }
  });

  it("agrees with culori's differenceCiede2000 on 5000 random Lab pairs", () => {
    const de = differenceCiede2000();
    let seed = 12345;
    const rnd = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
    let worst = 0;
    for (let k = 0; k < 5000; k++) {
      const c1 = { mode: "lab65" as const, l: rnd() * 100, a: rnd() * 200 - 100, b: rnd() * 200 - 100 };
      const c2 =
        k % 2
          ? { mode: "lab65" as const, l: c1.l + rnd() * 4 - 2, a: c1.a + rnd() * 6 - 3, b: c1.b + rnd() * 6 - 3 }
          : { mode: "lab65" as const, l: rnd() * 100, a: rnd() * 200 - 100, b: rnd() * 200 - 100 };
      // culori's ΔE00 reads l/a/b of lab or lab65 colours alike.
      const want = de(c1, c2);
      const got = deltaE2000(c1.l, c1.a, c1.b, c2.l, c2.a, c2.b);
      worst = Math.max(worst, Math.abs(want - got));
    }
    expect(worst).toBeLessThan(1e-9);
  });

  it("batch kernel equals the scalar one", () => {
    const a = Float32Array.from([50, 2.6772, -79.7751, 60, 10, 10]);
    const b = Float32Array.from([50, 0, -82.7485, 61, 12, 9]);
    const out = deltaE2000Batch(a, b);
    expect(out[0]).toBeCloseTo(2.0425, 4);
    expect(out[1]).toBeCloseTo(deltaE2000(60, 10, 10, 61, 12, 9), 5);
  });

  it("hue-angle delta wraps through 0°", () => {
    expect(hueAngleDelta(1, -0.0174, 1, 0.0174)).toBeCloseTo(2, 1);
    expect(hueAngleDelta(-1, 0.01, -1, -0.01)).toBeCloseTo(1.146, 2);
  });
});

describe("sRGB → CIELAB D65", () => {
  it("agrees with culori's lab65 on random sRGB colours", () => {
    const toLab = converter("lab65");
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
    let worst = 0;
    for (let k = 0; k < 3000; k++) {
      const r = rnd();
      const g = rnd();
      const b = rnd();
      const want = toLab({ mode: "rgb", r, g, b });
      const got = linearRgbToLab(srgbToLinear(r), srgbToLinear(g), srgbToLinear(b));
      worst = Math.max(worst, Math.abs(got[0] - want.l), Math.abs(got[1] - want.a), Math.abs(got[2] - want.b));
    }
    expect(worst).toBeLessThan(0.02);
  });

  it("white is L* 100, a* = b* = 0", () => {
    const w = linearRgbToLab(1, 1, 1);
    expect(w[0]).toBeCloseTo(100, 3);
    expect(Math.abs(w[1])).toBeLessThan(0.01);
    expect(Math.abs(w[2])).toBeLessThan(0.01);
  });
});
