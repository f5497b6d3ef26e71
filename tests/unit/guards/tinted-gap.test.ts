// SPARKLE_ADDED beside the gaps of a gold chain or band (real retailer cutouts with exact alpha,
// ../shared/data/cutout-dev, read in place): the honest retouch puts the true piece on studio white,
// and where its soft edge tints a gap the original showed as grey or pale blue card, the gap comes
// out as a pale gold spot standing above the links' rims — the studio through the piece, not a glint.
// Four painted stars on the same scenes are still found.
import { beforeAll, describe, expect, it } from "vitest";
import { checkPair } from "../../../workers/retouch/guards";
import { indepCutoutCases, type IndepCase } from "../../fixtures/guards/indep/cases";
import { cutoutDir } from "../../fixtures/guards/indep/cutout-truth";

const PIECES = ["band_nhancuoi4", "necklace_vongco4"];

describe.runIf(cutoutDir() !== null)("SPARKLE_ADDED at a gap the result's edge tints", () => {
  let cases: IndepCase[] = [];
  beforeAll(async () => {
    cases = await indepCutoutCases(
      640,
      (name) => PIECES.includes(name),
      () => ["grey", "blue"],
    );
  }, 300_000);

  it("is quiet on the honest retouch and finds painted stars", () => {
    const scenes = cases.filter((c) => c.damage === "honest");
    expect(scenes).toHaveLength(4);
    for (const honest of scenes) {
      const scene = `${honest.name} ${honest.surface}`;
      const codes = (damage: string) => {
        const c = cases.find((x) => x.name === honest.name && x.surface === honest.surface && x.damage === damage)!;
        return checkPair(c.before, c.after).warnings.map((w) => w.code);
      };
      expect(codes("honest"), scene).not.toContain("SPARKLE_ADDED");
      expect(codes("star_glints"), scene).toContain("SPARKLE_ADDED");
    }
  }, 300_000);
});
