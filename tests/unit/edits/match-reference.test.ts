// "Match reference": the pass that takes a photo's metal to the reference's metal of the same family,
// read from real pipeline cutouts; metals of different families are left alone.
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { makeFixture, fixturePng } from "../../fixtures/jewelry";
import { truthSegmenter } from "../../fixtures/segmenters";
import { runPipeline } from "../../../workers/retouch/pipeline";
import { applyColorPass } from "../../../workers/retouch/edits/color-pass";
import { cutoutMetal, matchReference } from "../../../workers/retouch/edits/match-reference";
import type { Image8 } from "../../../workers/retouch/types";

async function render(
  metal: "yellow" | "white",
  seed: number,
  color: { exposure: number; temperature: number; tint: number } | null,
) {
  const f = makeFixture({ size: 480, metal, cast: "none", dust: 0, gem: "none", seed });
  const out = (
    await runPipeline(
      await fixturePng(f),
      { format: "png", ...(color ? { edits: { mask: [], color } } : {}) },
      truthSegmenter(f, 384),
    )
  ).output;
  const cut = await sharp(out.cutoutPng).ensureAlpha().raw().toBuffer();
  const comp = await sharp(out.composite).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return {
    cutout: { width: 480, height: 480, channels: 4, data: new Uint8Array(cut) } as Image8,
    composite: {
      width: comp.info.width,
      height: comp.info.height,
      channels: 3,
      data: new Uint8Array(comp.data),
    } as Image8,
  };
}

describe("match reference", () => {
  let reference: Image8;
  beforeAll(async () => {
    // The approved reference: a yellow-gold piece given a warmer, brighter look by hand.
    reference = (await render("yellow", 3, { exposure: 0.35, temperature: 25, tint: -8 })).composite;
  });

  it("brings another yellow-gold photo's metal within ΔE00 1 of the reference", async () => {
    const photo = (await render("yellow", 8, null)).cutout;
    const m = matchReference(reference, photo, [255, 255, 255]);
    expect(m.metal).toMatchObject({ reference: "yellow", photo: "yellow" });
    expect(m.pass).not.toBeNull();
    expect(m.metal.deltaEBefore!).toBeGreaterThan(2);
    const fixed = { ...photo, data: new Uint8Array(photo.data) };
    applyColorPass(fixed.data, 4, m.pass!);
    const refMetal = matchReference(reference, fixed, null);
    expect(refMetal.metal.deltaEBefore!).toBeLessThan(1);
    expect(m.backdropDeltaE).toBeLessThan(1); // both on the white studio background
  });

  it("leaves a white-metal photo alone against a yellow-gold reference, and says why", async () => {
    const photo = (await render("white", 8, null)).cutout;
    const m = matchReference(reference, photo, null);
    expect(m.pass).toBeNull();
    expect(m.why).toMatch(/not of the same family \(reference yellow, this photo white\)/);
    expect(cutoutMetal(photo)).not.toBeNull();
  });
});
