// PIECE_AREA_LOST in the check path: a bite erased from the piece is found, its size read close to
// the truth (counted from the renderer's exact alpha), and an honest cut-out raises nothing.
import { describe, expect, it } from "vitest";
import { checkPair } from "../../../workers/retouch/guards";
import { eraseBite } from "../../fixtures/guards/indep/damages";
import { honestComposite, honestGains } from "../../fixtures/guards/indep/honest";
import { renderPendant } from "../../fixtures/guards/indep/pendant";
import { cloneLin, toImage8 } from "../../fixtures/guards/image";
import { rng } from "../../fixtures/guards/rng";

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
