// Unit behaviour of the guards on hand-made synthetic pairs (small, fast).
import { describe, expect, it } from "vitest";
import { DEFAULT_THRESHOLDS, estimateMatte, runGuards, type GuardInput } from "../../../workers/retouch/guards";
import { familiesOfProduct, familyOfLab } from "../../../workers/retouch/guards/metal-family";
import { buildContext } from "../../../workers/retouch/guards/run";
import { APPLY, type DamageContext } from "../../fixtures/guards/damages";
import { honestRetouch } from "../../fixtures/guards/honest";
import { cloneLin, plane, toImage8, type LinImage } from "../../fixtures/guards/image";
import { rng } from "../../fixtures/guards/rng";
import { synthPiece, type SynthPiece } from "../../fixtures/guards/synth-piece";

function pair(
  p: SynthPiece,
  damage?: keyof typeof APPLY,
): { input: GuardInput; gains: { exposure: number; whiteBalance: [number, number, number] } } {
  const r = rng(p.seed + 99);
  const hr = honestRetouch(r, p.before, p.F, p.alpha, p.dust, p.backdropMean);
  let after: LinImage = hr.after;
  if (damage) {
    after = cloneLin(hr.after);
    const ctx: DamageContext = { alpha: p.alpha, metal: p.metal, gem: p.gem, backdrop: p.backdropMean };
    APPLY[damage](r, after, ctx);
  }
  return {
    input: {
      before: toImage8(p.before),
      after: toImage8(after),
      alpha: plane(p.before.w, p.before.h, p.alpha),
      gains: hr.gains,
      product: p.product,
    },
    gains: hr.gains,
  };
}

const codes = (ws: { code: string }[]) => ws.map((w) => w.code);

describe("runGuards", () => {
  const piece = synthPiece(7, { family: "yellow", gem: "emerald", backdrop: "grey", size: 256 });

  it("an honest retouch raises no warning", () => {
    const ws = runGuards(pair(piece).input);
    expect(ws.filter((w) => w.severity === "warning")).toEqual([]);
  });

  it("names the damage: metal neutralised, emerald pushed to teal, halo, fake glints", () => {
    expect(codes(runGuards(pair(piece, "metal_neutral").input))).toContain("METAL_TONE_SHIFT");
    expect(codes(runGuards(pair(piece, "emerald_teal").input))).toContain("GEM_COLOR_SHIFT");
    expect(codes(runGuards(pair(piece, "halo").input))).toContain("HALO");
    expect(codes(runGuards(pair(piece, "fake_glints").input))).toContain("SPARKLE_ADDED");
  });

  it("every warning carries a region inside the image, a message and the threshold it crossed", () => {
    const ws = runGuards(pair(piece, "metal_hue").input);
    const w = ws.find((x) => x.code === "METAL_TONE_SHIFT")!;
    expect(w.severity).toBe("warning");
    expect(w.message).toMatch(/metal/i);
    expect(w.value).toBeGreaterThan(DEFAULT_THRESHOLDS.metalDeltaENote!);
    expect(w.region.kind).toBe("box");
    if (w.region.kind === "box") {
      expect(w.region.box.x + w.region.box.w).toBeLessThanOrEqual(256);
      expect(w.region.box.y + w.region.box.h).toBeLessThanOrEqual(256);
    }
  });

  it("thresholds are settings: raising them silences the guard", () => {
    const input = pair(piece, "metal_neutral").input;
    const ws = runGuards(input, {
      metalDeltaENote: 99,
      metalDeltaEWarn: 99,
      metalHueWarn: 99,
      metalWhiteChromaMax: 0,
      metalColoredChromaMin: 0,
    });
    expect(codes(ws)).not.toContain("METAL_TONE_SHIFT");
  });

  it("refuses pairs of different geometry", () => {
    const input = pair(piece).input;
    const small = { ...input.after, width: 128, height: 512 };
    expect(() => runGuards({ ...input, after: small })).toThrow(/geometry/);
  });

  it("recovers the gains the retouch applied from the backdrop when none are given", () => {
    const { input, gains } = pair(piece);
    const ctx = buildContext({ ...input, gains: undefined });
    for (let c = 0; c < 3; c++) expect(ctx.gains.whiteBalance[c]!).toBeCloseTo(gains.whiteBalance[c]!, 1);
    expect(ctx.gains.exposure / gains.exposure).toBeGreaterThan(0.93);
    expect(ctx.gains.exposure / gains.exposure).toBeLessThan(1.07);
  });

  it("keeps glints out of the colour regions (dichromatic model)", () => {
    const ctx = buildContext(pair(piece).input);
    const { w } = ctx.work;
    let onSpecular = 0;
    for (const g of piece.glints) {
      const i = (g.y - ctx.work.oy) * w + (g.x - ctx.work.ox);
      if (ctx.regions.specular[i]) onSpecular++;
      expect(ctx.regions.metal[i]).toBe(0);
    }
    expect(onSpecular / piece.glints.length).toBeGreaterThanOrEqual(0.75);
  });
});

describe("estimateMatte (check CLI)", () => {
  it("finds the piece of a synthetic photo with IoU > 0.85", () => {
    for (const backdrop of ["white", "grey", "black"] as const) {
      const p = synthPiece(11, { backdrop, size: 256 });
      const { input } = pair(p);
      const m = estimateMatte(input.before, input.after).data;
      let inter = 0;
      let uni = 0;
      for (let i = 0; i < m.length; i++) {
        const a = m[i]! >= 0.5;
        const b = p.alpha[i]! >= 0.5;
        if (a && b) inter++;
        if (a || b) uni++;
      }
      expect(inter / uni).toBeGreaterThan(0.85);
    }
  });
});

describe("metal families", () => {
  it("reads the product's words", () => {
    expect([...familiesOfProduct({ title: "14k Rose Gold Ring" })]).toEqual(["rose"]);
    expect([...familiesOfProduct({ title: "14K Gold Hoops" })]).toEqual(["yellow"]);
    expect([...familiesOfProduct({ title: "Ring", options: ["Sterling Silver"] })]).toEqual(["white"]);
    expect(familiesOfProduct({ title: "Two-tone band", tags: ["white gold"] }).size).toBe(3);
    expect(familiesOfProduct({ title: "Pearl studs" }).size).toBe(0);
  });

  it("classifies metal colours (CIELAB D65)", () => {
    const t = DEFAULT_THRESHOLDS;
    expect(familyOfLab([80, 4, 36], t)).toBe("yellow");
    expect(familyOfLab([76, 14, 17], t)).toBe("rose");
    expect(familyOfLab([82, 0.3, 2.5], t)).toBe("white");
    expect(familyOfLab([80, 6, 8], t)).toBeNull();
  });

  it("warns when a rose-gold product's retouch reads as yellow gold", () => {
    const p = synthPiece(21, { family: "rose", gem: "none", backdrop: "white", size: 256 });
    const { input } = pair(p);
    const yellowed = runGuards({ ...input, product: { title: "14k Yellow Gold Ring" } });
    const w = yellowed.find((x) => x.code === "METAL_TYPE_MISMATCH");
    expect(w?.message).toMatch(/rose gold/);
    expect(runGuards({ ...input, product: { title: "14k Rose Gold Ring" } }).map((x) => x.code)).not.toContain(
      "METAL_TYPE_MISMATCH",
    );
  });
});

describe("REFERENCE_MISMATCH", () => {
  it("compares the metal with the collection's approved reference photo", () => {
    const yellow = pair(synthPiece(31, { family: "yellow", gem: "none", backdrop: "white", size: 256 })).input;
    const sameLook = pair(synthPiece(32, { family: "yellow", gem: "none", backdrop: "white", size: 256 })).input.after;
    const white = pair(synthPiece(33, { family: "white", gem: "none", backdrop: "white", size: 256 })).input.after;
    expect(runGuards({ ...yellow, reference: sameLook }).map((w) => w.code)).not.toContain("REFERENCE_MISMATCH");
    const ws = runGuards({ ...yellow, reference: white });
    const w = ws.find((x) => x.code === "REFERENCE_MISMATCH");
    expect(w?.severity).toBe("warning");
    expect(w!.value).toBeGreaterThan(DEFAULT_THRESHOLDS.referenceDeltaEWarn!);
  });
});
