// SPARKLE_ADDED by a painted star's rays (guards/star-rays.ts) on real retailer cutouts with exact
// alpha (../shared/data/cutout-dev, read in place), on the grey card: four 22–28 px stars painted on
// pieces whose stars sit beside the openings of links or bands, on rims or on the metal's own glints,
// where the rise and swap tests alone took them for the studio seen through a gap (before the rays:
// none of these four found). The honest retouches of the same scenes — and of bracelet_lactay2, whose
// white heart links show the studio through dozens of small openings — stay quiet.
import { beforeAll, describe, expect, it } from "vitest";
import { checkPair } from "../../../workers/retouch/guards";
import { indepCutoutCases, type IndepCase } from "../../fixtures/guards/indep/cases";
import { cutoutDir } from "../../fixtures/guards/indep/cutout-truth";

const STARS = ["band_nhancuoi1", "bracelet_lactay", "necklace_vongco1", "ring_nhan3"];
const GAPS = "bracelet_lactay2";

describe.runIf(cutoutDir() !== null)("SPARKLE_ADDED by a painted star's rays", () => {
  let cases: IndepCase[] = [];
  beforeAll(async () => {
    cases = await indepCutoutCases(
      640,
      (name) => STARS.includes(name) || name === GAPS,
      () => ["grey"],
    );
  }, 300_000);

  const codes = (name: string, damage: string) => {
    const c = cases.find((x) => x.name === `cutout:${name}` && x.damage === damage);
    if (!c) throw new Error(`no ${damage} case for ${name}`);
    return checkPair(c.before, c.after).warnings.map((w) => w.code);
  };

  it("finds stars beside gaps and on rims", () => {
    for (const name of STARS) expect(codes(name, "star_glints"), name).toContain("SPARKLE_ADDED");
  }, 300_000);

  it("is quiet on the honest retouches, gaps and all", () => {
    for (const name of [...STARS, GAPS]) expect(codes(name, "honest"), name).not.toContain("SPARKLE_ADDED");
  }, 300_000);
});
