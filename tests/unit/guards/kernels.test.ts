// The guards' fast kernels against plain reference implementations, bit for bit: the guards' speed-ups
// promise the very same numbers (and so the same warnings) as the straightforward code.
import { describe, expect, it } from "vitest";
import { LINEAR_LUT, linearRgbToLab } from "../../../workers/retouch/color";
import { scanAlpha } from "../../../workers/retouch/guards/alpha-scan";
import { boxMeanOverPair, boxMeanPair } from "../../../workers/retouch/guards/box-pair";
import { dilate } from "../../../workers/retouch/pixels/mask";
import { boxMeanReplicated, boxMeanReplicatedOver } from "../../../workers/retouch/pixels/box-mean";
import { convolveSeparable, gaussianKernel } from "../../../workers/retouch/guards/filters";
import { labInto } from "../../../workers/retouch/color";
import { quantileOf } from "../../../workers/retouch/pixels/select";
import { windowSums } from "../../../workers/retouch/guards/ssim-windows";
import { downsampleLinear, downsamplePlane } from "../../../workers/retouch/guards/work";
import type { Image8 } from "../../../workers/retouch/types";
import { rng } from "../../fixtures/guards/rng";

/** A matte-like plane: exact 0 and 1 regions, soft values between, an odd size. */
function matte(w: number, h: number, seed: number): Float32Array {
  const r = rng(seed);
  const a = new Float32Array(w * h);
  const cx = w * (0.3 + 0.4 * r());
  const cy = h * (0.3 + 0.4 * r());
  const R = Math.min(w, h) * 0.25;
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const d = R - Math.hypot(x - cx, y - cy);
      a[y * w + x] = d > 1 ? 1 : d < -1 ? (r() < 0.01 ? r() * 0.015 : 0) : (d + 1) / 2;
    }
  return a;
}

describe("guard kernels", () => {
  it("quantileOf picks the element a sort puts there", () => {
    const r = rng(3);
    for (const n of [1, 2, 17, 1000, 5001]) {
      const a = new Float32Array(n);
      for (let i = 0; i < n; i++) a[i] = r() < 0.2 ? Math.round(r() * 4) : (r() - 0.3) * 10 ** (r() * 6 - 3);
      if (n > 2) a[1] = -0;
      const sorted = Float32Array.from(a).sort();
      for (const q of [0, 0.1, 0.5, 0.9, 1])
        expect(Object.is(quantileOf(a, q), sorted[Math.round(q * (n - 1))])).toBe(true);
    }
    expect(quantileOf(new Float32Array(0), 0.5)).toBeNaN();
  });

  it("scanAlpha gives the block means and the exact box of a full scan", () => {
    const cases: Array<[number, number, number, number]> = [
      [203, 151, 6, 1],
      [120, 97, 5, 2],
      [64, 64, 1, 3],
      [90, 61, 4, 4],
    ];
    for (const [W, H, s, seed] of cases) {
      const data = matte(W, H, seed);
      const got = scanAlpha({ width: W, height: H, data }, s, 0.02);
      const w = Math.floor(W / s);
      const h = Math.floor(H / s);
      let x0 = W;
      let y0 = H;
      let x1 = -1;
      let y1 = -1;
      for (let y = 0; y < H; y++)
        for (let x = 0; x < W; x++)
          if (data[y * W + x]! > 0.02) {
            x0 = Math.min(x0, x);
            x1 = Math.max(x1, x);
            y0 = Math.min(y0, y);
            y1 = Math.max(y1, y);
          }
      expect(got.box).toEqual({ x0, y0, x1, y1 });
      expect([...got.coarse]).toEqual([...downsamplePlaneReference(data, W, s, w, h)]);
    }
    expect(scanAlpha({ width: 40, height: 30, data: new Float32Array(1200) }, 3, 0.02).box).toBeNull();
  });

  it("dilate is boxMeanReplicated > 0", () => {
    const w = 57;
    const h = 43;
    const r = rng(5);
    const mask = new Uint8Array(w * h);
    for (let i = 0; i < mask.length; i++) mask[i] = r() < 0.03 ? 1 : 0;
    mask[0] = 1;
    mask[w * h - 1] = 1;
    for (const rad of [0, 1, 2, 6]) {
      const ref = boxMeanReplicated(Float32Array.from(mask), w, h, rad);
      expect([...dilate(mask, w, h, rad)]).toEqual([...ref].map((v) => (v > 1e-6 ? 1 : 0)));
    }
  });

  it("boxMeanReplicatedOver is boxMeanReplicated divided where the weight is", () => {
    const w = 61;
    const h = 39;
    const alpha = matte(w, h, 6);
    const r = rng(7);
    const v = new Float32Array(w * h);
    for (let i = 0; i < v.length; i++) v[i] = r() * alpha[i]!;
    for (const rad of [1, 6]) {
      const den = boxMeanReplicated(alpha, w, h, rad);
      const num = boxMeanReplicated(v, w, h, rad);
      const ref = num.map((x, i) => (den[i]! > 1e-3 ? x / den[i]! : 0));
      expect([...boxMeanReplicatedOver(v, den, w, h, rad)]).toEqual([...ref]);
    }
  });

  it("box-mean pairs are the two box means", () => {
    const w = 52;
    const h = 41;
    const alpha = matte(w, h, 13);
    const r = rng(14);
    const v = alpha.map((a) => a * r());
    const [a1, a6] = boxMeanPair(alpha, alpha, w, h, 1, 6);
    expect([...a1]).toEqual([...boxMeanReplicated(alpha, w, h, 1)]);
    expect([...a6]).toEqual([...boxMeanReplicated(alpha, w, h, 6)]);
    const [p, q] = boxMeanPair(alpha, v, w, h, 2, 2);
    expect([...p]).toEqual([...boxMeanReplicated(alpha, w, h, 2)]);
    expect([...q]).toEqual([...boxMeanReplicated(v, w, h, 2)]);
    const den = boxMeanReplicated(alpha, w, h, 6);
    const [o1, o2] = boxMeanOverPair(v, alpha, den, w, h, 6);
    expect([...o1]).toEqual([...boxMeanReplicatedOver(v, den, w, h, 6)]);
    expect([...o2]).toEqual([...boxMeanReplicatedOver(alpha, den, w, h, 6)]);
  });

  it("windowSums equals six full convolutions at the mask's pixels", () => {
    const w = 73;
    const h = 58;
    const alpha = matte(w, h, 8);
    const r = rng(9);
    const x = new Float32Array(w * h);
    const y = new Float32Array(w * h);
    const mask = new Uint8Array(w * h);
    for (let i = 0; i < x.length; i++) {
      x[i] = 100 * r();
      y[i] = 100 * r();
      mask[i] = alpha[i]! >= 1 && r() < 0.5 ? 1 : 0;
    }
    let b = { x0: w, y0: h, x1: 0, y1: 0 };
    for (let i = 0; i < mask.length; i++)
      if (mask[i])
        b = {
          x0: Math.min(b.x0, i % w),
          y0: Math.min(b.y0, Math.floor(i / w)),
          x1: Math.max(b.x1, (i % w) + 1),
          y1: Math.max(b.y1, Math.floor(i / w) + 1),
        };
    const k = gaussianKernel(1.5, 5);
    const planes = [0, 1, 2, 3, 4, 5].map(() => new Float32Array(w * h));
    for (let yy = Math.max(0, b.y0 - 5); yy < Math.min(h, b.y1 + 5); yy++)
      for (let xx = Math.max(0, b.x0 - 5); xx < Math.min(w, b.x1 + 5); xx++) {
        const i = yy * w + xx;
        const a = alpha[i]! >= 0.5 ? 1 : 0;
        const v = [a, a * x[i]!, a * y[i]!, a * x[i]! * x[i]!, a * y[i]! * y[i]!, a * x[i]! * y[i]!];
        v.forEach((val, c) => (planes[c]![i] = val));
      }
    const conv = planes.map((p) => convolveSeparable(p, w, h, k, b));
    const ref: number[] = [];
    for (let i = 0; i < mask.length; i++) if (mask[i]) for (const c of conv) ref.push(c[i]!);
    expect([...windowSums(x, y, alpha, w, h, b, mask)]).toEqual(ref);
  });

  it("downsampleLinear averages blocks in linear light, and `need` only skips pixels", () => {
    const W = 50;
    const H = 37;
    const r = rng(10);
    const data = new Uint8Array(W * H * 4);
    for (let i = 0; i < data.length; i++) data[i] = Math.floor(r() * 256);
    const img: Image8 = { width: W, height: H, channels: 4, data };
    const s = 3;
    const crop = { x0: 3, y0: 6, w: 14, h: 9 };
    const full = downsampleLinear(img, s, crop);
    for (let y = 0; y < crop.h; y++)
      for (let x = 0; x < crop.w; x++)
        for (let c = 0; c < 3; c++) {
          let sum = 0;
          for (let dy = 0; dy < s; dy++)
            for (let dx = 0; dx < s; dx++)
              sum += LINEAR_LUT[data[((y * s + dy + crop.y0) * W + x * s + dx + crop.x0) * 4 + c]!]!;
          expect(full.lin[(y * crop.w + x) * 3 + c]).toBe(Math.fround(sum * (1 / (s * s))));
        }
    const need = new Uint8Array(crop.w * crop.h).map(() => (r() < 0.4 ? 1 : 0));
    const part = downsampleLinear(img, s, crop, need);
    for (let i = 0; i < need.length; i++)
      for (let c = 0; c < 3; c++) expect(part.lin[i * 3 + c]).toBe(need[i] ? full.lin[i * 3 + c] : 0);
  });

  it("downsamplePlane is the plain block mean", () => {
    const W = 47;
    const data = matte(W, 35, 12);
    const got = downsamplePlane({ width: W, height: 35, data }, 3, 15, 11);
    expect([...got]).toEqual([...downsamplePlaneReference(data, W, 3, 15, 11)]);
  });

  it("labInto is the CIE XYZ → L*a*b* formula under D65, to the last bit, on both branches of f", () => {
    const r = rng(11);
    const out = new Float64Array(3);
    for (let k = 0; k < 2000; k++) {
      const rgb = [r(), r(), r()].map((v) => (k % 5 === 0 ? v * 0.005 : v)) as [number, number, number];
      labInto(rgb[0], rgb[1], rgb[2], out, 0);
      expect([...out]).toEqual(labReference(...rgb));
      expect(linearRgbToLab(...rgb)).toEqual([...out]);
    }
    labInto(1, 1, 1, out, 0);
    expect(out[0]).toBeCloseTo(100, 4); // the sRGB matrix rows sum to 1 within 4e-8
    expect(Math.abs(out[1]!) + Math.abs(out[2]!)).toBeLessThan(1e-3);
  });
});

/** downsamplePlane's block means, the plain way. */
function downsamplePlaneReference(d: Float32Array, W: number, s: number, w: number, h: number): Float32Array {
  const out = new Float32Array(w * h);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      let a = 0;
      for (let dy = 0; dy < s; dy++) for (let dx = 0; dx < s; dx++) a += d[(y * s + dy) * W + x * s + dx]!;
      out[y * w + x] = a * (1 / (s * s));
    }
  return out;
}

/** The CIE formula, written the plain way (one f for all three channels). */
function labReference(r: number, g: number, b: number): number[] {
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116);
  const fx = f((0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047);
  const fy = f(0.2126729 * r + 0.7151522 * g + 0.072175 * b);
  const fz = f((0.0193339 * r + 0.119192 * g + 0.9503041 * b) / 1.08883);
  return [116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)];
}
