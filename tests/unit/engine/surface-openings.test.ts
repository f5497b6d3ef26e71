// Openings the network filled (a ring read as a solid disc) are cut where the surface is known: on a
// dark surface by brightness, on a light one only where the fitted surface is tight and the patch is
// opening-sized; left to the network where white metal can look like the surface.
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
    for (let i = 0; i < m.alpha.data.length; i++)
      diff = Math.max(diff, Math.abs(m.alpha.data[i]! - bare.alpha.data[i]!));
    expect(diff).toBeLessThan(1e-6);
  });

  for (const surface of ["white", "pale-blue", "cream"] as const)
    it(`cuts the opening on a plain ${surface} surface the quadratic fits, and keeps the ring whole`, async () => {
      const f = makeFixture({ size: SIZE, seed: 5, layout: "ring", surface, metal: "white", gem: "diamond" });
      const prob = await openingFillingSegmenter(f, 512, 1)(f.image);
      const bare = await buildMatte(f.image, prob, { ...MATTE_DEFAULTS, openings: null });
      const m = await buildMatte(f.image, prob);
      expect(matteIntegrity(bare.alpha, f.alpha).holesCut).toBe(0);
      const after = matteIntegrity(m.alpha, f.alpha);
      expect(after.holesCut).toBe(after.holes);
      expect(after.opaqueKept).toBeGreaterThan(0.98);
      expect(after.seamRate).toBeLessThan(1);
      // A patch under lightMinShare of the piece (as a mirroring metal face is) stays as the network left it.
      const strict = { ...MATTE_DEFAULTS.openings!, lightMinShare: 2 };
      const kept = await buildMatte(f.image, prob, { ...MATTE_DEFAULTS, openings: strict });
      expect(matteIntegrity(kept.alpha, f.alpha).holesCut).toBe(0);
    });

  it("leaves a filled opening to the network where the quadratic misfits the surface by more than 1 %", async () => {
    // The fixture's grey gradient leaves a relative residual of 1.4 %: at that misfit ±1.5 % no
    // longer tells a face mirroring the surface from the surface.
    const f = makeFixture({
      size: SIZE,
      seed: 5,
      layout: "ring",
      surface: "grey-gradient",
      metal: "white",
      gem: "diamond",
    });
    const prob = await openingFillingSegmenter(f, 512, 1)(f.image);
    const m = await buildMatte(f.image, prob);
    const b = m.backdrop;
    expect(b.residualAbs / ((b.mean[0] + b.mean[1] + b.mean[2]) / 3)).toBeGreaterThan(
      MATTE_DEFAULTS.openings!.lightMaxResidual,
    );
    expect(matteIntegrity(m.alpha, f.alpha).holesCut).toBe(0);
  });

  it("leaves a filled opening on a clipped white surface to the network (white metal is the same white)", async () => {
    const f = ring("white", "white");
    // The same scene overexposed until the surface clips at 255.
    const data = new Uint8Array(f.image.data.length);
    for (let i = 0; i < data.length; i++) data[i] = Math.min(255, Math.round(f.image.data[i]! * 1.4));
    const image = { ...f.image, data };
    const prob = await openingFillingSegmenter(f, 512, 1)(image);
    const m = await buildMatte(image, prob);
    expect(matteIntegrity(m.alpha, f.alpha).holesCut).toBe(0);
  });
});
