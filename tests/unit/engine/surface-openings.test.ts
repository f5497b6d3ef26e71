// Openings the network filled (a ring read as a solid disc) are cut where the surface is known and
// unlike any metal (a dark surface), and left to the network where white metal looks like the surface.
import { describe, expect, it } from "vitest";
import { makeFixture } from "../../fixtures/jewelry";
import { networkLikeSegmenter, openingFillingSegmenter } from "../../fixtures/segmenters";
import { buildMatte, MATTE_DEFAULTS } from "../../../workers/retouch/matte/pipeline-matte";
import { matteIntegrity } from "../../../workers/retouch/metrics/matte-integrity";
import { scoreCutout } from "../../../workers/retouch/metrics/cutout";

const SIZE = 640;
const ring = (surface: "black" | "white", metal: "white" | "yellow") =>
  makeFixture({ size: SIZE, seed: 5, layout: "ring", surface, metal, gem: "diamond" });

describe("surface openings", () => {
  for (const metal of ["white", "yellow"] as const)
    it(`cuts the ${metal} ring's opening the network filled on black, and keeps the ring whole`, async () => {
      const f = ring("black", metal);
      const prob = await openingFillingSegmenter(f, 512, 1)(f.image);
      const bare = await buildMatte(f.image, prob, { ...MATTE_DEFAULTS, openings: null });
      const m = await buildMatte(f.image, prob);
      const before = matteIntegrity(bare.alpha, f.alpha);
      const after = matteIntegrity(m.alpha, f.alpha);
      expect(before.holes).toBeGreaterThan(0);
      // Without the stage the opening stays filled; with it every opening comes out clear.
      expect(before.holesCut).toBe(0);
      expect(after.holesCut).toBe(after.holes);
      expect(after.opaqueKept).toBeGreaterThan(0.98);
      expect(after.seamRate).toBeLessThan(1);
      expect(scoreCutout(m.alpha, f.alpha).iou).toBeGreaterThan(scoreCutout(bare.alpha, f.alpha).iou + 0.1);
      // The cut opening is no doubt about the piece.
      expect(m.warnings.map((w) => w.code)).not.toContain("PIECE_AREA_LOST");
    });

  it("changes nothing when the network already left the opening clear", async () => {
    const f = ring("black", "white");
    const prob = await networkLikeSegmenter(f, 512, 1)(f.image);
    const bare = await buildMatte(f.image, prob, { ...MATTE_DEFAULTS, openings: null });
    const m = await buildMatte(f.image, prob);
    let diff = 0;
    for (let i = 0; i < m.alpha.data.length; i++) diff = Math.max(diff, Math.abs(m.alpha.data[i]! - bare.alpha.data[i]!));
    expect(diff).toBeLessThan(1e-6);
  });

  it("leaves a filled opening on a white surface to the network", async () => {
    // Off by design on light surfaces: polished white metal mirrors a white or grey sweep, and on
    // ../shared/data/cutout-dev the same rule cut holes into the inner faces of plain bands
    // (surface-openings.ts). The opening stays as the network left it, filled.
    const f = ring("white", "white");
    const prob = await openingFillingSegmenter(f, 512, 1)(f.image);
    const m = await buildMatte(f.image, prob);
    expect(matteIntegrity(m.alpha, f.alpha).holesCut).toBe(0);
  });
});
