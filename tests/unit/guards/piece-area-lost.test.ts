// PIECE_AREA_LOST in the check path: a bite erased from the piece is found, its size read close to
// the truth (counted from the renderer's exact alpha), and an honest cut-out raises nothing.
import { beforeAll, describe, expect, it } from "vitest";
import { checkPair } from "../../../workers/retouch/guards";
import type { Image8 } from "../../../workers/retouch/types";
import { eraseBite } from "../../fixtures/guards/indep/damages";
import { honestComposite, honestGains } from "../../fixtures/guards/indep/honest";
import { renderPendant } from "../../fixtures/guards/indep/pendant";
import { cloneLin, toImage8 } from "../../fixtures/guards/image";
import { rng } from "../../fixtures/guards/rng";
import { indepCutoutCases, indepPhotoCases, type IndepCase } from "../../fixtures/guards/indep/cases";
import { cutoutDir } from "../../fixtures/guards/indep/cutout-truth";
import { requirePhotos } from "../../fixtures/guards/photo-dir";

describe("PIECE_AREA_LOST (check)", () => {
  for (const surface of ["white_seamless", "pale_blue", "black_velvet"] as const)
    it(`finds a bite out of the piece on ${surface}, and nothing on the honest cut-out`, () => {
      const p = renderPendant(7, { surface });
      const r = rng(70);
      const honest = honestComposite(r, p.before, p.F, p.alpha, honestGains(r, p.surfaceLin, surface !== "pale_blue"));
      const bitten = cloneLin(honest);
      eraseBite(rng(71), bitten, p.alpha, 0.1);
      // Truth: piece pixels (alpha ≥ 0.5) that became the studio colour.
      let piece = 0;
      let gone = 0;
      for (let i = 0; i < p.alpha.length; i++) {
        if (p.alpha[i]! < 0.5) continue;
        piece++;
        if (Math.abs(bitten.d[i * 3]! - honest.d[i * 3]!) > 0 && Math.abs(bitten.d[i * 3]! - bitten.d[0]!) < 0.01)
          gone++;
      }
      const before = toImage8(p.before);
      const ok = checkPair(before, toImage8(honest)).warnings.filter(
        (w) => w.code === "PIECE_AREA_LOST" && w.severity === "warning",
      );
      expect(ok).toEqual([]);
      const found = checkPair(before, toImage8(bitten)).warnings.find((w) => w.code === "PIECE_AREA_LOST");
      expect(found?.severity).toBe("warning");
      expect(found!.value).toBeGreaterThan(0.5 * (gone / piece));
      expect(found!.value).toBeLessThan(1.5 * (gone / piece));
    }, 30_000);
});

/**
 * Grey metal on a white surface has a removed shadow's colour: the patch's fine structure in the
 * original tells a bite of it from a shadow taken away with the surface. A 240-px photo: a bar of
 * brushed grey metal (L* ≈ 55–75) with a hard-edged flat shadow of the same mean grey under it.
 */
describe("PIECE_AREA_LOST (check): grey metal the colour of a shadow", () => {
  const W = 240;
  const H = 240;
  const bar = { x0: 50, x1: 190, y0: 90, y1: 120 };
  const shade = { x0: 50, x1: 190, y0: 120, y1: 136 };
  const inside = (b: typeof bar, x: number, y: number) => x >= b.x0 && x < b.x1 && y >= b.y0 && y < b.y1;
  // Brushed metal: streaks across the bar and a facet every 9 px (± 45 sRGB levels around 170; its
  // fine structure reads 5–8 L*, as the bites of grey metal on the independent cutouts do).
  const metal = (x: number, y: number) =>
    Math.round(170 + 40 * Math.sin(x * 1.7) * Math.cos(y * 0.45) + ((x % 9) - 4) * 3);
  function photo(opts: { shadow: boolean; erasedFrom: number | null }): Image8 {
    const data = new Uint8Array(W * H * 3).fill(246);
    for (let y = 0; y < H; y++)
      for (let x = 0; x < W; x++) {
        let v = -1;
        if (inside(bar, x, y) && (opts.erasedFrom === null || x < opts.erasedFrom)) v = metal(x, y);
        else if (opts.shadow && inside(shade, x, y)) v = 170;
        if (v >= 0) data.fill(v, (y * W + x) * 3, (y * W + x) * 3 + 3);
      }
    return { width: W, height: H, channels: 3, data };
  }
  const before = photo({ shadow: true, erasedFrom: null });
  const lost = (after: Image8) =>
    checkPair(before, after).warnings.find((w) => w.code === "PIECE_AREA_LOST" && w.severity === "warning");

  it("takes the flat shadow removed with the surface for no loss", () => {
    expect(lost(photo({ shadow: false, erasedFrom: null }))).toBeUndefined();
  });

  it("finds a third of the bar erased, though its colour is a shadow's", () => {
    const found = lost(photo({ shadow: false, erasedFrom: 143 }));
    expect(found).toBeDefined();
    // Truth: 47 of the bar's 140 columns are gone. The share is of what the original shows as the
    // piece, and a hard-edged shadow reads as piece there: between the bite over bar and shadow
    // (47 × 30 of 140 × 46 px) and over the bar alone.
    expect(found!.value).toBeGreaterThan(0.5 * ((47 * 30) / (140 * 46)));
    expect(found!.value).toBeLessThan(1.5 * (47 / 140));
  });
});

/**
 * White metal on a white surface has the surface's colour: only its fine structure (streaks, facets)
 * tells it from the surface, and a bite of it from the studio white that replaced the surface. A
 * 240-px photo: a bar of brushed pale metal on a white (250) surface; the result on studio white 255.
 */
describe("PIECE_AREA_LOST (check): white metal the colour of a white surface", () => {
  const W = 240;
  const H = 240;
  const bar = { x0: 50, x1: 190, y0: 90, y1: 130 };
  // Hairline streaks a pixel apart (sRGB 234 and 255: L* 93 and 100, each within ΔE00 6 of the surface)
  // over a slow sheen: the fine structure reads ≈ 4.5 L*, as the white metal the rule finds on the
  // independent cutouts' white surface.
  const metal = (x: number, y: number) => (x % 2 ? 234 : 255) - Math.round(3 + 3 * Math.sin(y * 0.2));
  function photo(surface: number, erasedFrom: number | null): Image8 {
    const data = new Uint8Array(W * H * 3).fill(surface);
    for (let y = bar.y0; y < bar.y1; y++)
      for (let x = bar.x0; x < (erasedFrom ?? bar.x1); x++)
        data.fill(metal(x, y), (y * W + x) * 3, (y * W + x) * 3 + 3);
    return { width: W, height: H, channels: 3, data };
  }
  const before = photo(250, null);
  const lost = (after: Image8) =>
    checkPair(before, after).warnings.find((w) => w.code === "PIECE_AREA_LOST" && w.severity === "warning");

  it("stays quiet when only the surface became studio white", () => {
    expect(lost(photo(255, null))).toBeUndefined();
  });

  it("finds a third of the bar erased", () => {
    const found = lost(photo(255, 143));
    expect(found).toBeDefined();
    // Truth: 47 of the bar's 140 columns are gone.
    expect(found!.value).toBeGreaterThan(0.5 * (47 / 140));
    expect(found!.value).toBeLessThan(1.5 * (47 / 140));
  });
});

/**
 * Polished white metal on a white surface, shaded smoothly and with no fine structure, has a cast
 * shadow's colour and is reached from the surface in a shadow's small steps (its outline, 14 ΔE00 in
 * one pixel, is 4–5 per pixel once smoothed): a bite through such a shank (ring_nhan3 and
 * band_nhancuoi1 on cutout-dev's white) was taken for a removed shadow. The bitten part continues the
 * metal the result kept, and its outline against the surface is the piece's hard edge; a cast shadow's
 * is a fade. A 240-px photo: a smooth bar (sRGB 200–212) on a white surface (250), with a shadow under
 * it fading out over 20 px; the result on studio white 255.
 */
describe("PIECE_AREA_LOST (check): a bite through smooth polished metal the colour of a shadow", () => {
  const W = 240;
  const H = 240;
  const bar = { x0: 50, x1: 190, y0: 90, y1: 120 };
  const metal = (y: number) => Math.round(200 + 12 * Math.sin((Math.PI * (y - bar.y0)) / (bar.y1 - bar.y0)));
  function photo(surface: number, shadow: boolean, erasedFrom: number | null): Image8 {
    const data = new Uint8Array(W * H * 3).fill(surface);
    for (let y = bar.y0; y < bar.y1 + 20; y++)
      for (let x = bar.x0; x < bar.x1; x++) {
        const o = (y * W + x) * 3;
        if (y < bar.y1) {
          if (erasedFrom === null || x < erasedFrom) data.fill(metal(y), o, o + 3);
        } else if (shadow) data.fill(Math.round(214 + ((250 - 214) * (y - bar.y1)) / 20), o, o + 3);
      }
    return { width: W, height: H, channels: 3, data };
  }
  const before = photo(250, true, null);
  const lost = (after: Image8) =>
    checkPair(before, after).warnings.find((w) => w.code === "PIECE_AREA_LOST" && w.severity === "warning");

  it("takes the fading shadow removed with the surface for no loss", () => {
    expect(lost(photo(255, false, null))).toBeUndefined();
  });

  it("finds a third of the bar erased", () => {
    const found = lost(photo(255, false, 143));
    expect(found).toBeDefined();
    // Truth: 47 of the bar's 140 columns are gone.
    expect(found!.value).toBeGreaterThan(0.5 * (47 / 140));
    expect(found!.value).toBeLessThan(1.5 * (47 / 140));
  });
});

/**
 * The same on real pieces (../shared/data/cutout-dev on its flat white, read in place): the bites of
 * the independent set through ring_nhan3's polished shank and band_nhancuoi1's smooth top were read as
 * shadows removed with the surface (share 0.000 on both). And on real shadows: the honest retouches of
 * tamar_ring_0338 and tamar_bracelet_0103 (../shared/photos) remove crescents of shadow along a silver
 * bezel and a bracelet whose original runs as continuously into the kept piece as a cut does; their
 * fade onto the surface keeps them shadows.
 */
describe.runIf(cutoutDir() !== null && requirePhotos())(
  "PIECE_AREA_LOST (check): cut through real polished metal",
  () => {
    const BITTEN = ["ring_nhan3", "band_nhancuoi1"];
    let cases: IndepCase[] = [];
    beforeAll(async () => {
      cases = [
        ...(await indepCutoutCases(
          640,
          (name) => BITTEN.includes(name),
          () => ["white"],
        )),
        ...(await indepPhotoCases(560, (f) => f === "tamar_ring_0338.jpg" || f === "tamar_bracelet_0103.jpg")),
      ];
    }, 300_000);
    const lost = (name: string, damage: string) => {
      const c = cases.find((x) => x.name === name && x.damage === damage);
      if (!c) throw new Error(`no ${damage} case for ${name}`);
      return checkPair(c.before, c.after).warnings.find((w) => w.code === "PIECE_AREA_LOST");
    };

    it("finds the bites through the polished metal, and nothing on the honest cut-outs", () => {
      for (const name of BITTEN) {
        expect(lost(`cutout:${name}`, "piece_erased")?.severity, name).toBe("warning");
        expect(lost(`cutout:${name}`, "honest"), name).toBeUndefined();
      }
    }, 300_000);

    it("takes the shadows removed along the pieces of real photos for no loss", () => {
      for (const name of ["photo:tamar_ring_0338.jpg", "photo:tamar_bracelet_0103.jpg"])
        expect(lost(name, "honest"), name).toBeUndefined();
    }, 300_000);
  },
);
