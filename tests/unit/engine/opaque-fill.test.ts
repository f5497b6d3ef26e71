// The matte gives back what the network dropped inside the piece (white stones and pearls on white
// and cream surfaces), keeps real openings clear, and says so when it can't decide.
import { describe, expect, it } from "vitest";
import { makeFixture, type FixtureSpec } from "../../fixtures/jewelry";
import { stoneDroppingSegmenter, networkLikeSegmenter } from "../../fixtures/segmenters";
import { buildMatte, MATTE_DEFAULTS } from "../../../workers/retouch/matte/pipeline-matte";
import { innerOpaqueMask, matteIntegrity } from "../../../workers/retouch/metrics/matte-integrity";
import { scoreCutout } from "../../../workers/retouch/metrics/cutout";
import type { Plane } from "../../../workers/retouch/types";

const SIZE = 640;

/**
 * Share of the stone's inner opaque pixels (the cutout issue's definition: α_true = 1 and at least
 * 3 px + 0.2 % of the diagonal from any true edge) that come out with α ≥ 0.95.
 */
function stoneKept(alpha: Plane, isGem: Uint8Array, truth: Plane): number {
  const inner = innerOpaqueMask(truth);
  let n = 0;
  let k = 0;
  for (let i = 0; i < isGem.length; i++)
    if (isGem[i] && inner[i]) {
      n++;
      if (alpha.data[i]! >= 0.95) k++;
    }
  return k / n;
}

const cases: Partial<FixtureSpec>[] = [
  { layout: "ring", surface: "white", metal: "white", gem: "diamond" },
  { layout: "ring", surface: "cream", metal: "yellow", gem: "pearl" },
  { layout: "pendant", surface: "white", metal: "silver", gem: "diamond" },
  { layout: "pendant", surface: "cream", metal: "rose", gem: "pearl" },
];

describe("opaque fill", () => {
  for (const spec of cases)
    it(`gives back a ${spec.gem} the network dropped (${spec.layout} on ${spec.surface})`, async () => {
      const f = makeFixture({ size: SIZE, seed: 3, highlights: 0, ...spec });
      const prob = await stoneDroppingSegmenter(f, 512, 1)(f.image);
      const bare = await buildMatte(f.image, prob, { ...MATTE_DEFAULTS, fill: null });
      const m = await buildMatte(f.image, prob);
      // Without the fill the stone is gone; with it, kept.
      expect(stoneKept(bare.alpha, f.isGem, f.alpha)).toBeLessThan(0.2);
      expect(stoneKept(m.alpha, f.isGem, f.alpha)).toBeGreaterThan(0.98);
      expect(scoreCutout(m.alpha, f.alpha).iou).toBeGreaterThan(scoreCutout(bare.alpha, f.alpha).iou);
      // Nothing left for PIECE_AREA_LOST once the stone is back.
      expect(m.warnings.map((w) => w.code)).not.toContain("PIECE_AREA_LOST");
    });

  it("keeps the ring's opening clear and adds nothing when the network kept everything", async () => {
    const f = makeFixture({ size: SIZE, seed: 3, layout: "ring", surface: "white", metal: "white", gem: "diamond" });
    const prob = await networkLikeSegmenter(f, 512, 1)(f.image);
    const m = await buildMatte(f.image, prob);
    const integrity = matteIntegrity(m.alpha, f.alpha);
    expect(integrity.holes).toBeGreaterThan(0);
    expect(integrity.holesCut).toBe(integrity.holes);
    expect(m.filledShare).toBeLessThan(0.03);
    expect(integrity.opaqueKept).toBeGreaterThan(0.98);
    expect(integrity.seamRate).toBeLessThan(1);
  });

  it("raises PIECE_AREA_LOST for an opening inside the piece that the fill could not take", async () => {
    // The network half believed the stone (0.25) and the fill is switched off by its thresholds:
    // the opening stays, and the merchant is told where.
    const f = makeFixture({
      size: SIZE,
      seed: 3,
      layout: "ring",
      surface: "white",
      metal: "white",
      gem: "diamond",
      highlights: 0,
    });
    const prob = await stoneDroppingSegmenter(f, 512, 1, 0.25)(f.image);
    const off = { ...MATTE_DEFAULTS.fill!, tBright: 5, tChroma: 5, tTexture: 5, holeEvidence: 2, holeProb: 2 };
    const m = await buildMatte(f.image, prob, { ...MATTE_DEFAULTS, fill: off });
    expect(stoneKept(m.alpha, f.isGem, f.alpha)).toBeLessThan(0.2);
    const lost = m.warnings.find((w) => w.code === "PIECE_AREA_LOST");
    expect(lost?.severity).toBe("warning");
    // The marked box covers the stone (centre (0.5, 0.3)·size, radius 0.07·size).
    const box = lost!.region.kind === "boxes" ? lost!.region.boxes[0]! : null;
    expect(box).not.toBeNull();
    expect(box!.x).toBeLessThanOrEqual(0.5 * SIZE - 0.05 * SIZE);
    expect(box!.x + box!.w).toBeGreaterThanOrEqual(0.5 * SIZE + 0.05 * SIZE);
    expect(box!.y).toBeLessThanOrEqual(0.3 * SIZE - 0.05 * SIZE);
    // And a plain opening (the ring's inside, network at 0, looks like the surface) raises nothing.
    const clean = await buildMatte(f.image, await networkLikeSegmenter(f, 512, 1)(f.image));
    expect(clean.warnings.map((w) => w.code)).not.toContain("PIECE_AREA_LOST");
  });
});

describe("the piece's inside", () => {
  it("is opaque where the network only half believed a polished face, while the outline keeps its profile", async () => {
    const f = makeFixture({ size: SIZE, seed: 5, layout: "pendant", surface: "cream", metal: "white", gem: "diamond" });
    const prob = await networkLikeSegmenter(f, 512, 1)(f.image);
    // ISNet on a bright polished face: 0.55–0.65 over the piece's inside, sure only near its rim.
    const inner = innerOpaqueMask(prob);
    const half = { ...prob, data: prob.data.slice() };
    for (let i = 0; i < inner.length; i++) if (inner[i]) half.data[i] = 0.6;
    const off = await buildMatte(f.image, half, { ...MATTE_DEFAULTS, fill: { ...MATTE_DEFAULTS.fill!, deep: 0 } });
    const on = await buildMatte(f.image, half);
    const kept = (m: { alpha: Plane }) => matteIntegrity(m.alpha, f.alpha).opaqueKept;
    expect(kept(off)).toBeLessThan(0.9);
    expect(kept(on)).toBeGreaterThan(0.98);
    // The outline is the network's either way: same IoU within a hair, and no cut line between the
    // raised inside and the ramped rim.
    expect(Math.abs(scoreCutout(on.alpha, f.alpha).iou - scoreCutout(off.alpha, f.alpha).iou)).toBeLessThan(0.01);
    expect(matteIntegrity(on.alpha, f.alpha).seamRate).toBe(0);
  });
});
