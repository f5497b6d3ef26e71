// The engine's shared kernels against plain reference implementations written here from their
// definitions (IEC 61966-2-1 for sRGB, CIE 15 for L*a*b*, a box mean as a double loop), so that no
// kernel serves as its own oracle.
import { describe, expect, it } from "vitest";
import {
  LINEAR_LUT,
  linearRgbToLab,
  linearToByte,
  linearToSrgb,
  linearToSrgb8,
  luminance,
  srgbToLinear,
} from "../../../workers/retouch/color";
import { boxMean, boxMeanReplicated, boxMeanReplicatedOver } from "../../../workers/retouch/pixels/box-mean";
import { scratch, scratchOf, trimScratch } from "../../../workers/retouch/pixels/scratch";

const refDecode = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const refEncode = (l: number) => {
  const v = Math.min(1, Math.max(0, l));
  return v <= 0.0031308 ? 12.92 * v : 1.055 * v ** (1 / 2.4) - 0.055;
};

function refLab(r: number, g: number, b: number): [number, number, number] {
  // sRGB (D65) → XYZ, then CIE 1976 L*a*b* relative to the D65 white.
  const X = 0.4124564 * r + 0.3575761 * g + 0.1804375 * b;
  const Y = 0.2126729 * r + 0.7151522 * g + 0.072175 * b;
  const Z = 0.0193339 * r + 0.119192 * g + 0.9503041 * b;
  const f = (t: number) => (t > (6 / 29) ** 3 ? Math.cbrt(t) : t / (3 * (6 / 29) ** 2) + 4 / 29);
  const fx = f(X / 0.95047);
  const fy = f(Y / 1);
  const fz = f(Z / 1.08883);
  return [116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)];
}

/** Seeded values in [0, 1). */
function values(n: number, seed = 7): number[] {
  let s = seed;
  return Array.from({ length: n }, () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  });
}

describe("sRGB transfer (color/srgb.ts)", () => {
  it("decodes every 8-bit code as the standard's formula", () => {
    for (let i = 0; i < 256; i++) {
      expect(LINEAR_LUT[i]).toBeCloseTo(refDecode(i / 255), 6);
      expect(srgbToLinear(i / 255)).toBeCloseTo(refDecode(i / 255), 12);
    }
  });

  it("encodes linear light as the standard's formula, clamped, and the table encoder matches the exact one", () => {
    for (const v of [...values(2000), -0.5, 0, 1e-5, 0.0031308, 0.004, 0.5, 1, 3]) {
      expect(linearToSrgb(v)).toBeCloseTo(refEncode(v), 12);
      const exact = Math.round(refEncode(v) * 255);
      expect(linearToByte(v)).toBe(exact);
      expect(Math.abs(linearToSrgb8(v) - exact)).toBeLessThanOrEqual(1);
    }
    // Round trip of every code through the table encoder.
    for (let i = 0; i < 256; i++) expect(linearToSrgb8(refDecode(i / 255))).toBe(i);
  });

  it("luminance is the Y row of the sRGB → XYZ matrix", () => {
    const [r, g, b] = [0.2, 0.5, 0.9];
    expect(luminance(r, g, b)).toBeCloseTo(0.2126729 * r + 0.7151522 * g + 0.072175 * b, 12);
    expect(luminance(1, 1, 1)).toBeCloseTo(1, 6);
  });
});

describe("CIELAB (color/lab.ts)", () => {
  it("matches CIE 15's definition on random and edge colours", () => {
    const v = values(900, 11);
    const cases: [number, number, number][] = [
      [0, 0, 0],
      [1, 1, 1],
      [0.001, 0.002, 0.0005],
      [1, 0, 0],
    ];
    for (let i = 0; i < v.length; i += 3) cases.push([v[i]!, v[i + 1]!, v[i + 2]!]);
    for (const [r, g, b] of cases) {
      const got = linearRgbToLab(r, g, b);
      const want = refLab(r, g, b);
      for (let k = 0; k < 3; k++) expect(got[k]).toBeCloseTo(want[k]!, 9);
    }
    expect(linearRgbToLab(1, 1, 1)[0]).toBeCloseTo(100, 4);
  });
});

function refBox(src: Float32Array, w: number, h: number, r: number, border: "clip" | "replicate"): Float64Array {
  const out = new Float64Array(w * h);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      let s = 0;
      let n = 0;
      for (let dy = -r; dy <= r; dy++)
        for (let dx = -r; dx <= r; dx++) {
          let yy = y + dy;
          let xx = x + dx;
          if (border === "clip" && (yy < 0 || yy >= h || xx < 0 || xx >= w)) continue;
          yy = Math.min(h - 1, Math.max(0, yy));
          xx = Math.min(w - 1, Math.max(0, xx));
          s += src[yy * w + xx]!;
          n++;
        }
      out[y * w + x] = s / n;
    }
  return out;
}

describe("box means (pixels/box-mean.ts)", () => {
  const shapes: [number, number, number][] = [
    [17, 11, 1],
    [17, 11, 3],
    [9, 23, 5],
    [5, 4, 7], // radius larger than the plane
    [1, 1, 2],
  ];
  for (const [w, h, r] of shapes) {
    const src = Float32Array.from(values(w * h, w * 31 + h));
    it(`boxMean averages the in-image part of the window (${w}×${h}, r=${r})`, () => {
      const got = boxMean(src, w, h, r);
      const want = refBox(src, w, h, r, "clip");
      for (let i = 0; i < w * h; i++) expect(got[i]).toBeCloseTo(want[i]!, 5);
    });
    it(`boxMeanReplicated repeats the edge pixel (${w}×${h}, r=${r})`, () => {
      const got = boxMeanReplicated(src, w, h, r);
      const want = refBox(src, w, h, r, "replicate");
      for (let i = 0; i < w * h; i++) expect(got[i]).toBeCloseTo(want[i]!, 5);
    });
  }

  it("the two policies differ at the border and agree inside", () => {
    const w = 12;
    const h = 12;
    const src = Float32Array.from(values(w * h, 3));
    const a = boxMean(src, w, h, 2);
    const b = boxMeanReplicated(src, w, h, 2);
    expect(a[0]).not.toBeCloseTo(b[0]!, 4);
    expect(a[6 * w + 6]).toBeCloseTo(b[6 * w + 6]!, 6);
  });

  it("boxMeanReplicatedOver divides by the weight's mean where it is above 10⁻³, else gives 0", () => {
    const w = 10;
    const h = 8;
    const v = Float32Array.from(values(w * h, 5));
    const den = Float32Array.from(values(w * h, 9), (x, i) => (i % 7 === 0 ? 0 : x));
    const got = boxMeanReplicatedOver(v, den, w, h, 2);
    const mean = refBox(v, w, h, 2, "replicate");
    for (let i = 0; i < w * h; i++) expect(got[i]).toBeCloseTo(den[i]! > 1e-3 ? mean[i]! / den[i]! : 0, 4);
  });
});

describe("scratch buffers (pixels/scratch.ts)", () => {
  it("one buffer per slot, reused while large enough, grown by a quarter at least", () => {
    const a = scratch("guards.squares", Float32Array, 100);
    expect(a.length).toBeGreaterThanOrEqual(100);
    expect(scratch("guards.squares", Float32Array, 50)).toBe(a);
    const b = scratch("guards.squares", Float32Array, a.length + 1);
    expect(b).not.toBe(a);
    expect(b.length).toBeGreaterThanOrEqual(Math.ceil(a.length * 1.25));
  });

  it("distinct slots never share memory, and scratchOf gives exactly n entries", () => {
    const x = scratchOf("spots.y", Uint8Array, 64);
    const y = scratchOf("spots.need", Uint8Array, 64);
    expect(x.length).toBe(64);
    x.fill(1);
    y.fill(2);
    expect([...new Set(x)]).toEqual([1]);
  });

  it("trimScratch drops buffers over 4 MiB and keeps the small ones", () => {
    const big = scratch("box.rows", Float32Array, (4 << 20) / 4 + 16);
    const small = scratch("box.columns", Float64Array, 10);
    trimScratch();
    expect(scratch("box.rows", Float32Array, 8)).not.toBe(big);
    expect(scratch("box.columns", Float64Array, 10)).toBe(small);
  });
});
