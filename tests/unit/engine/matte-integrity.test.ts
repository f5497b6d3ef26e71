// The cutout issue's measures (metrics/matte-integrity.ts) and the network alpha
// (matte/network-alpha.ts), each against a plain reference written here.
import { describe, expect, it } from "vitest";
import { matteIntegrity } from "../../../workers/retouch/metrics/matte-integrity";
import { networkAlpha } from "../../../workers/retouch/matte/network-alpha";
import { resampleBilinear } from "../../../workers/retouch/pixels/plane";
import type { Plane } from "../../../workers/retouch/types";

const W = 60;
const H = 50;

/** A ring: α = 1 between radii 8 and 18 around (30, 25), 0 elsewhere (an enclosed hole inside). */
function ring(): Plane {
  const d = new Float32Array(W * H);
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      const r = Math.hypot(x - 30, y - 25);
      d[y * W + x] = r >= 8 && r <= 18 ? 1 : 0;
    }
  return { width: W, height: H, data: d };
}

/** Inner opaque kept, the plain way: for each opaque pixel, scan every pixel for the nearest α < 1. */
function naiveKept(pred: Plane, truth: Plane): number {
  const r = 3 + 0.002 * Math.hypot(W, H);
  let n = 0;
  let k = 0;
  for (let i = 0; i < truth.data.length; i++) {
    if (truth.data[i] !== 1) continue;
    const x = i % W;
    const y = Math.floor(i / W);
    let best = Infinity;
    for (let j = 0; j < truth.data.length; j++)
      if (truth.data[j]! < 1) best = Math.min(best, Math.hypot((j % W) - x, Math.floor(j / W) - y));
    if (best < r) continue;
    n++;
    if (pred.data[i]! >= 0.95) k++;
  }
  return n ? k / n : 1;
}

describe("matte integrity", () => {
  it("opaque kept matches the plain nearest-edge scan", () => {
    const truth = ring();
    const pred = { ...truth, data: truth.data.slice() };
    // Hollow a patch of the ring's body and fade another.
    for (let y = 22; y < 28; y++) for (let x = 44; x < 47; x++) pred.data[y * W + x] = 0;
    for (let y = 10; y < 13; y++) for (let x = 28; x < 33; x++) pred.data[y * W + x] = 0.9;
    const m = matteIntegrity(pred, truth, 10);
    expect(m.opaqueKept).toBeCloseTo(naiveKept(pred, truth), 10);
    expect(m.opaqueKept).toBeLessThan(1);
  });

  it("counts seams only where the truth is flat, and the ring's hole as cut or not", () => {
    const truth = ring();
    const same = matteIntegrity(truth, truth, 10);
    expect(same.seams).toBe(0);
    expect(same.holes).toBe(1);
    expect(same.holesCut).toBe(1);
    // Fill the hole half-way (α 0.6 everywhere inside): not cut, and its rim is a seam? No — the
    // jump 0.6 → 1 at the hole's rim is 0.4 (below 0.5), and 0 → 0.6 never happens inside.
    const filled = { ...truth, data: truth.data.slice() };
    for (let y = 0; y < H; y++)
      for (let x = 0; x < W; x++) if (Math.hypot(x - 30, y - 25) < 8) filled.data[y * W + x] = 0.6;
    const f = matteIntegrity(filled, truth, 10);
    expect(f.holesCut).toBe(0);
    expect(f.seams).toBe(0);
    // A hard cut line through the background: one seam per pair across it.
    const cut = { ...truth, data: truth.data.slice() };
    for (let y = 0; y < 5; y++) for (let x = 0; x < 10; x++) cut.data[y * W + x] = 1;
    const c = matteIntegrity(cut, truth, 10);
    expect(c.seams).toBe(5 + 10); // right edge: 5 rows; bottom edge: 10 columns
  });
});

describe("network alpha", () => {
  it("is the ramp of the bilinear upsample, raised to the fill and never lowered", () => {
    const p: Plane = { width: 16, height: 12, data: new Float32Array(16 * 12).map((_, i) => ((i * 37) % 100) / 100) };
    const fill: Plane = { width: 8, height: 6, data: new Float32Array(48).map((_, i) => (i % 5 === 0 ? 1 : 0)) };
    const up = resampleBilinear(p, 64, 48).data;
    const fu = resampleBilinear(fill, 64, 48).data;
    const ramp = (v: number) => Math.min(1, Math.max(0, (v - 0.2) / 0.5));
    const a = networkAlpha(p, 64, 48, { lo: 0.2, hi: 0.7 }, fill).data;
    for (let i = 0; i < a.length; i++) expect(a[i]).toBeCloseTo(Math.max(ramp(up[i]!), fu[i]!), 5);
    const plain = networkAlpha(p, 64, 48, { lo: 0, hi: 1 }).data;
    for (let i = 0; i < a.length; i++) expect(plain[i]).toBeCloseTo(up[i]!, 5);
  });
});
