// On a surface the backdrop model cannot read (draped satin here), a patch of the surroundings that the network
// half kept beside the piece is cleared by the local colours; the piece, and a face inside it that
// mirrors the same surroundings (enclosed by the piece), are left as the network had them.
import { describe, expect, it } from "vitest";
import { makeFixture, type Fixture } from "../../fixtures/jewelry";
import type { Image8, Plane } from "../../../workers/retouch/types";
import { networkLikeSegmenter } from "../../fixtures/segmenters";
import { buildMatte, MATTE_DEFAULTS } from "../../../workers/retouch/matte/pipeline-matte";
import { UNSURE_DEFAULTS } from "../../../workers/retouch/matte/unsure-surface";
import { CLEARED_AREA, clearedSign, keptPropWarning } from "../../../workers/retouch/matte/kept-prop";
import { matteIntegrity } from "../../../workers/retouch/metrics/matte-integrity";
import { scoreCutout } from "../../../workers/retouch/metrics/cutout";

const SIZE = 640;
const SIDE = 512;

type Rect = { x0: number; y0: number; x1: number; y1: number };

/** The test's pendant (seed 7, yellow gold, an emerald) on `surface`. */
const pendantOn = (surface: "satin" | "cream" | "wood"): Fixture =>
  makeFixture({ size: SIZE, seed: 7, layout: "pendant", surface, metal: "yellow", gem: "emerald" });

/**
 * The network-like map with a rectangle (fractions of the frame) raised to `level` (the surroundings
 * it half kept), or with `set`, put at `level` (a part of the piece it doubts).
 */
function withKeptPatch(f: Fixture, box: Rect, level: number, set = false): (img: Image8) => Promise<Plane> {
  return async (img) => {
    const p = await networkLikeSegmenter(f, SIDE, 1)(img);
    for (let y = Math.round(box.y0 * SIDE); y < Math.round(box.y1 * SIDE); y++)
      for (let x = Math.round(box.x0 * SIDE); x < Math.round(box.x1 * SIDE); x++) {
        const i = y * SIDE + x;
        p.data[i] = set ? level : Math.max(p.data[i]!, level);
      }
    return p;
  };
}

/** Paints a rectangle (fractions) of the fixture's photo in one colour, truth clear pixels only or all. */
function paint(f: Fixture, box: Rect, rgb: readonly number[], clearOnly: boolean): void {
  const d = f.image.data;
  for (let y = Math.round(box.y0 * SIZE); y < Math.round(box.y1 * SIZE); y++)
    for (let x = Math.round(box.x0 * SIZE); x < Math.round(box.x1 * SIZE); x++) {
      const i = y * SIZE + x;
      if (clearOnly && f.alpha.data[i]! > 0) continue;
      for (let c = 0; c < 3; c++) d[3 * i + c] = rgb[c]!;
    }
}

/** Mean α over a rectangle of the frame (fractions), on the truth's clear pixels only. */
function meanClearAlpha(alpha: Plane, truth: Plane, box: Rect): number {
  const { width: w, height: h } = alpha;
  let s = 0;
  let n = 0;
  for (let y = Math.round(box.y0 * h); y < Math.round(box.y1 * h); y++)
    for (let x = Math.round(box.x0 * w); x < Math.round(box.x1 * w); x++) {
      const i = y * w + x;
      if (truth.data[i]! > 0) continue;
      s += alpha.data[i]!;
      n++;
    }
  return n ? s / n : NaN;
}

describe("surroundings the network half kept on an unreadable surface", () => {
  const f = pendantOn("satin");
  // A fold of the surface hanging under the pendant, reaching from its body to the clear satin below.
  const fold = { x0: 0.44, y0: 0.62, x1: 0.56, y1: 0.95 };

  it("clears the kept fold and keeps the piece whole", async () => {
    const prob = await withKeptPatch(f, fold, 0.75)(f.image);
    const bare = await buildMatte(f.image, prob, { ...MATTE_DEFAULTS, unsure: null });
    const m = await buildMatte(f.image, prob);
    expect(m.backdrop.trust).toBeLessThan(UNSURE_DEFAULTS.maxTrust);
    expect(m.backdrop.residual).toBeGreaterThanOrEqual(UNSURE_DEFAULTS.minResidual);
    // Without the stage the ramp turns the fold opaque; with it most of the fold is clear (its
    // deepest shade, farther than maxDeltaE from the surroundings' local mean, stays: see the header).
    expect(meanClearAlpha(bare.alpha, f.alpha, fold)).toBeGreaterThan(0.6);
    expect(meanClearAlpha(m.alpha, f.alpha, fold)).toBeLessThan(0.3);
    const after = matteIntegrity(m.alpha, f.alpha);
    expect(after.opaqueKept).toBeGreaterThan(0.98);
    expect(after.opaqueKept).toBeGreaterThanOrEqual(matteIntegrity(bare.alpha, f.alpha).opaqueKept - 0.002);
    expect(scoreCutout(m.alpha, f.alpha).iou).toBeGreaterThan(scoreCutout(bare.alpha, f.alpha).iou + 0.05);
    // What was cleared is reported, and the photo is questioned: the rest of a prop may still be there.
    const cleared = m.surroundingsCleared!;
    expect(cleared.share).toBeGreaterThan(0.5 * (fold.x1 - fold.x0) * (fold.y1 - fold.y0) * 0.5);
    expect(cleared.box.x).toBeLessThanOrEqual(fold.x0 * SIZE + 8);
    expect(cleared.box.x + cleared.box.w).toBeGreaterThanOrEqual(fold.x1 * SIZE - 8);
    expect(cleared.box.y + cleared.box.h).toBeGreaterThanOrEqual(fold.y1 * SIZE - 8);
    const [w] = keptPropWarning(clearedSign(cleared));
    expect(w!.code).toBe("CUTOUT_UNCERTAIN");
    expect(w!.severity).toBe("warning");
    expect(w!.value).toBeCloseTo(cleared.share, 3);
    expect(w!.threshold).toBe(CLEARED_AREA);
    expect(w!.region).toEqual({ kind: "box", box: cleared.box });
  });

  it("where the network kept no fold, touches only the surroundings in its soft outline", async () => {
    const prob = await networkLikeSegmenter(f, SIDE, 1)(f.image);
    const bare = await buildMatte(f.image, prob, { ...MATTE_DEFAULTS, unsure: null });
    const m = await buildMatte(f.image, prob);
    // Every pixel whose α the stage lowered is clear in the truth, or on the piece's anti-aliased rim.
    let worst = 0;
    for (let i = 0; i < m.alpha.data.length; i++)
      if (bare.alpha.data[i]! - m.alpha.data[i]! >= 0.05) worst = Math.max(worst, f.alpha.data[i]!);
    expect(worst).toBeLessThan(0.5);
    // Nothing worth a question: an outline's soft band is no kept prop.
    expect(clearedSign(m.surroundingsCleared)).toBeNull();
    expect(scoreCutout(m.alpha, f.alpha).iou).toBeGreaterThanOrEqual(scoreCutout(bare.alpha, f.alpha).iou - 0.001);
    expect(matteIntegrity(m.alpha, f.alpha).opaqueKept).toBeGreaterThanOrEqual(
      matteIntegrity(bare.alpha, f.alpha).opaqueKept - 0.001,
    );
  });

  for (const surface of ["cream", "wood"] as const)
    it(`does not run on ${surface}: a surface the model reads, or one it nearly fits (a sweep under a shadow)`, async () => {
      const w = pendantOn(surface);
      const prob = await withKeptPatch(w, fold, 0.75)(w.image);
      const bare = await buildMatte(w.image, prob, { ...MATTE_DEFAULTS, unsure: null });
      const m = await buildMatte(w.image, prob);
      const b = m.backdrop;
      expect(b.trust >= UNSURE_DEFAULTS.maxTrust || b.residual < UNSURE_DEFAULTS.minResidual).toBe(true);
      let diff = 0;
      for (let i = 0; i < m.alpha.data.length; i++)
        diff = Math.max(diff, Math.abs(m.alpha.data[i]! - bare.alpha.data[i]!));
      expect(diff).toBeLessThan(1e-6);
      expect(m.surroundingsCleared).toBeNull();
    });

  it("leaves a kept fold the colour of the piece, not of the surroundings", async () => {
    // The fold's pixels repainted in the pendant's own metal: the network's doubt there is no evidence.
    const g = pendantOn("satin");
    const d = g.image.data;
    let gold: number[] | null = null;
    for (let i = 0; i < g.alpha.data.length && !gold; i++)
      if (g.metalInner[i]) gold = [d[3 * i]!, d[3 * i + 1]!, d[3 * i + 2]!];
    paint(g, fold, gold!, true);
    const prob = await withKeptPatch(g, fold, 0.75)(g.image);
    const m = await buildMatte(g.image, prob);
    expect(meanClearAlpha(m.alpha, g.alpha, fold)).toBeGreaterThan(0.6);
    expect(m.surroundingsCleared).toBeNull();
  });

  it("leaves a face inside the piece that mirrors the surroundings, enclosed by the piece", async () => {
    // The middle of the pendant's body painted in the satin's colour beside it, and doubted by the
    // network (0.75): the same colours as the kept fold, but nowhere touching the cleared surroundings.
    const g = pendantOn("satin");
    const face = { x0: 0.45, y0: 0.58, x1: 0.55, y1: 0.68 };
    const d = g.image.data;
    const sum = [0, 0, 0];
    let n = 0;
    for (let y = Math.round(0.5 * SIZE); y < Math.round(0.75 * SIZE); y++)
      for (let x = Math.round(0.25 * SIZE); x < Math.round(0.33 * SIZE); x++) {
        const i = y * SIZE + x;
        if (g.alpha.data[i]! > 0) continue;
        for (let c = 0; c < 3; c++) sum[c]! += d[3 * i + c]!;
        n++;
      }
    expect(n).toBeGreaterThan(1000);
    paint(
      g,
      face,
      sum.map((v) => Math.round(v / n)),
      false,
    );
    let inside = 0;
    let cells = 0;
    for (let y = Math.round(face.y0 * SIZE); y < Math.round(face.y1 * SIZE); y++)
      for (let x = Math.round(face.x0 * SIZE); x < Math.round(face.x1 * SIZE); x++, cells++)
        if (g.alpha.data[y * SIZE + x] === 1) inside++;
    expect(inside).toBe(cells);
    const prob = await withKeptPatch(g, face, 0.75, true)(g.image);
    const bare = await buildMatte(g.image, prob, { ...MATTE_DEFAULTS, unsure: null });
    const m = await buildMatte(g.image, prob);
    let lowered = 0;
    for (let y = Math.round(face.y0 * SIZE); y < Math.round(face.y1 * SIZE); y++)
      for (let x = Math.round(face.x0 * SIZE); x < Math.round(face.x1 * SIZE); x++) {
        const i = y * SIZE + x;
        lowered = Math.max(lowered, bare.alpha.data[i]! - m.alpha.data[i]!);
      }
    expect(lowered).toBeLessThan(0.01);
    expect(clearedSign(m.surroundingsCleared)).toBeNull();
  });
});
