// PROP_KEPT in the check path: a patch of the original surface kept beside the piece is found; the
// honest cut-out and a sloppy 3-px fringe (HALO's business) are not.
import { describe, expect, it } from "vitest";
import { checkPair } from "../../../workers/retouch/guards";
import { keepSurfaceBand } from "../../fixtures/guards/indep/damages";
import { honestComposite, honestGains } from "../../fixtures/guards/indep/honest";
import { renderPendant } from "../../fixtures/guards/indep/pendant";
import { cloneLin, toImage8 } from "../../fixtures/guards/image";
import { rng } from "../../fixtures/guards/rng";

describe("PROP_KEPT (check)", () => {
  for (const surface of ["pale_green", "black_velvet"] as const)
    it(`finds a kept patch of ${surface}`, () => {
      const p = renderPendant(11, { surface });
      const r = rng(5);
      const honest = honestComposite(
        r,
        p.before,
        p.F,
        p.alpha,
        honestGains(r, p.surfaceLin, surface === "black_velvet"),
      );
      // A 60×40 patch of the original kept in the lower left corner, away from the piece.
      const patch = cloneLin(honest);
      for (let y = 240; y < 280; y++)
        for (let x = 10; x < 70; x++)
          for (let c = 0; c < 3; c++) patch.d[(y * p.w + x) * 3 + c] = p.before.d[(y * p.w + x) * 3 + c]!;
      const fringe = cloneLin(honest);
      keepSurfaceBand(fringe, p.before, p.alpha, 3);
      const before = toImage8(p.before);
      const codes = (img: typeof honest) =>
        checkPair(before, toImage8(img))
          .warnings.filter((w) => w.severity === "warning")
          .map((w) => w.code);
      expect(codes(honest)).not.toContain("PROP_KEPT");
      expect(codes(fringe)).not.toContain("PROP_KEPT");
      const found = checkPair(before, toImage8(patch)).warnings.find((w) => w.code === "PROP_KEPT");
      // Truth: 2 400 of 108 000 pixels kept (2.2 %); the 2-px erosion trims the patch's rim.
      expect(found?.value).toBeGreaterThan(0.015);
      expect(found?.value).toBeLessThan(0.025);
    }, 30_000);
});
