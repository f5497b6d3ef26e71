// The matte gives back what the network dropped inside the piece (white stones and pearls on white
// and cream surfaces), keeps real openings clear, and says so when it can't decide.
import { describe, expect, it } from "vitest";
import { makeFixture, type FixtureSpec } from "../../fixtures/jewelry";
import { stoneDroppingSegmenter, networkLikeSegmenter } from "../../fixtures/segmenters";
import { buildMatte, MATTE_DEFAULTS } from "../../../workers/retouch/matte/pipeline-matte";
import { innerOpaqueMask, matteIntegrity } from "../../../workers/retouch/metrics/matte-integrity";
import { scoreCutout } from "../../../workers/retouch/metrics/cutout";
import type { Image8, Plane } from "../../../workers/retouch/types";

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

/** A white-metal ring with a diamond on white, no highlights: the stone is the only thing to give back. */
const ringOnWhite = () =>
  makeFixture({ size: SIZE, seed: 3, layout: "ring", surface: "white", metal: "white", gem: "diamond", highlights: 0 });

/** The fill with its colour evidence and its hole rules on evidence and mean map value switched off. */
const COLOUR_OFF = { ...MATTE_DEFAULTS.fill!, tBright: 5, tChroma: 5, tTexture: 5, holeEvidence: 2, holeProb: 2 };

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
    const f = ringOnWhite();
    const prob = await stoneDroppingSegmenter(f, 512, 1, 0.25)(f.image);
    const off = { ...COLOUR_OFF, hazyShare: 2 };
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

describe("a face the network half believed all over", () => {
  // Colour can't speak here (a polished face mirroring a white sweep has the sweep's own colour: its
  // evidence is switched off), only the map's shape: hazy over the whole hole, or over part of it.
  const noColour = COLOUR_OFF;
  const f = ringOnWhite();

  // The fixture's stone is ~60 px wide on a 640-px work grid (≈ 96 at 1024 px): as wide as a thin band's
  // opening seen from the side, so the face-sized limit is lifted where the stone stands for a face.
  const faceSized = { ...noColour, hazyWidth: 200 };

  it("is filled when the whole hole is hazy, and only then", async () => {
    const prob = await stoneDroppingSegmenter(f, 512, 1, 0.3)(f.image);
    const on = await buildMatte(f.image, prob, { ...MATTE_DEFAULTS, fill: faceSized });
    const off = await buildMatte(f.image, prob, { ...MATTE_DEFAULTS, fill: { ...faceSized, hazyShare: 2 } });
    expect(stoneKept(off.alpha, f.isGem, f.alpha)).toBeLessThan(0.2);
    expect(stoneKept(on.alpha, f.isGem, f.alpha)).toBeGreaterThan(0.98);
    expect(on.warnings.map((w) => w.code)).not.toContain("PIECE_AREA_LOST");
    // The ring's own opening (the network at 0 there) stays clear.
    const integrity = matteIntegrity(on.alpha, f.alpha);
    expect(integrity.holes).toBeGreaterThan(0);
    expect(integrity.holesCut).toBe(integrity.holes);
  });

  it("is left open when it is as wide as a band's opening seen from the side", async () => {
    const prob = await stoneDroppingSegmenter(f, 512, 1, 0.3)(f.image);
    const m = await buildMatte(f.image, prob, { ...MATTE_DEFAULTS, fill: noColour });
    expect(stoneKept(m.alpha, f.isGem, f.alpha)).toBeLessThan(0.2);
  });

  it("is left open when the haze covers only part of it (an opening with a few hazy blobs)", async () => {
    const prob = await stoneDroppingSegmenter(f, 512, 1, 0.3)(f.image);
    // The right half of the stone clear (0): haze over about half the hole, under hazyShare.
    for (let y = 0; y < prob.height; y++)
      for (let x = Math.round(prob.width / 2); x < prob.width; x++)
        if (prob.data[y * prob.width + x]! > 0.25 && prob.data[y * prob.width + x]! < 0.35)
          prob.data[y * prob.width + x] = 0;
    const m = await buildMatte(f.image, prob, { ...MATTE_DEFAULTS, fill: faceSized });
    expect(stoneKept(m.alpha, f.isGem, f.alpha)).toBeLessThan(0.6);
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
    // The outline is the network's: the same IoU within a hair as when the network was sure of the
    // inside, and no cut line between the raised inside and the ramped rim.
    const sure = await buildMatte(f.image, prob);
    expect(Math.abs(scoreCutout(on.alpha, f.alpha).iou - scoreCutout(sure.alpha, f.alpha).iou)).toBeLessThan(0.01);
    expect(matteIntegrity(on.alpha, f.alpha).seamRate).toBe(0);
  });
});

describe("on black velvet", () => {
  // ISNet drops whole parts of white metal on black (a ring's shank, half a chain): the map says ~0
  // over a part that is 5–10× brighter than the velvet.
  const lowerHalfDropped = (prob: Plane): Plane => {
    const data = prob.data.slice();
    for (let y = Math.floor(prob.height * 0.55); y < prob.height; y++)
      data.fill(0, y * prob.width, (y + 1) * prob.width);
    return { ...prob, data };
  };
  const lowerInner = (truth: Plane): Uint8Array => {
    const inner = innerOpaqueMask(truth);
    inner.fill(0, 0, Math.ceil(truth.height * 0.6) * truth.width);
    return inner;
  };
  const keptOn = (alpha: Plane, mask: Uint8Array): number => {
    let n = 0;
    let k = 0;
    for (let i = 0; i < mask.length; i++)
      if (mask[i]) {
        n++;
        if (alpha.data[i]! >= 0.95) k++;
      }
    return k / n;
  };

  it("gives back a part the network dropped, by its brightness, and keeps the opening clear", async () => {
    const f = makeFixture({ size: SIZE, seed: 3, layout: "ring", surface: "black", metal: "white", gem: "diamond" });
    const prob = lowerHalfDropped(await networkLikeSegmenter(f, 512, 1)(f.image));
    const bare = await buildMatte(f.image, prob, { ...MATTE_DEFAULTS, fill: null });
    const m = await buildMatte(f.image, prob);
    const inner = lowerInner(f.alpha);
    expect(inner.some((v) => v === 1)).toBe(true);
    expect(keptOn(bare.alpha, inner)).toBeLessThan(0.2);
    expect(keptOn(m.alpha, inner)).toBeGreaterThan(0.95);
    expect(scoreCutout(m.alpha, f.alpha).iou).toBeGreaterThan(scoreCutout(bare.alpha, f.alpha).iou + 0.1);
    const integrity = matteIntegrity(m.alpha, f.alpha);
    expect(integrity.holes).toBeGreaterThan(0);
    expect(integrity.holesCut).toBe(integrity.holes);
  });

  it("adds nothing when the network kept the whole piece", async () => {
    const f = makeFixture({ size: SIZE, seed: 4, layout: "pendant", surface: "black", metal: "yellow", gem: "ruby" });
    const prob = await networkLikeSegmenter(f, 512, 1)(f.image);
    const m = await buildMatte(f.image, prob);
    expect(m.filledShare).toBeLessThan(0.03);
    expect(scoreCutout(m.alpha, f.alpha).iou).toBeGreaterThan(0.9);
  });
});

describe("a highlight along a polished tube", () => {
  // A bangle on pure white: the tube (radius 180–230 px) is grey metal, its highlight (9 px wide around
  // radius 204) clipped to the surface's white, and the network took the highlight for the surface (p 0.05). The
  // bangle's opening (radius < 180) is the surface.
  const S = 640;
  function bangle(): { image: Image8; prob: Plane; truth: Plane } {
    const data = new Uint8Array(S * S * 3).fill(255);
    const prob = new Float32Array(S * S);
    const truth = new Float32Array(S * S);
    for (let y = 0; y < S; y++)
      for (let x = 0; x < S; x++) {
        const i = y * S + x;
        const d = Math.hypot(x + 0.5 - S / 2, y + 0.5 - S / 2);
        if (d < 180 || d > 230) continue;
        truth[i] = 1;
        const off = Math.abs(d - 204);
        const highlight = off <= 4.5;
        prob[i] = highlight ? 0.05 : 1;
        // Shading rises smoothly into the highlight: 150 at the tube's rims, 255 at the highlight.
        const v = highlight ? 255 : Math.round(255 - (105 * (off - 4.5)) / 21.5);
        data.fill(v, 3 * i, 3 * i + 3);
      }
    return {
      image: { width: S, height: S, channels: 3, data },
      prob: { width: S, height: S, data: prob },
      truth: { width: S, height: S, data: truth },
    };
  }

  it("is filled as piece, while the bangle's opening stays clear", async () => {
    const { image, prob, truth } = bangle();
    const noStrips = { ...MATTE_DEFAULTS, fill: { ...MATTE_DEFAULTS.fill!, stripElongation: Infinity } };
    const off = await buildMatte(image, prob, noStrips);
    const on = await buildMatte(image, prob);
    const at = (a: Plane, x: number, y: number) => a.data[y * S + x]!;
    // A point on the highlight (radius 204, straight below the centre) and one in the opening.
    expect(at(off.alpha, S / 2, S / 2 + 204)).toBeLessThan(0.5);
    expect(at(on.alpha, S / 2, S / 2 + 204)).toBeGreaterThan(0.95);
    expect(at(on.alpha, S / 2, S / 2 + 100)).toBe(0);
    expect(matteIntegrity(on.alpha, truth).opaqueKept).toBeGreaterThan(0.98);
    expect(matteIntegrity(off.alpha, truth).opaqueKept).toBeLessThan(0.9);
    const integrity = matteIntegrity(on.alpha, truth);
    expect(integrity.holesCut).toBe(integrity.holes);
  });
});
