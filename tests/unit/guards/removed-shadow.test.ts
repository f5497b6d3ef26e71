// Shadows removed with the surface are neither lost piece nor new sparkle: bead bracelets on a light
// sweep whose honest retouch (tests/fixtures/guards/indep, the piece as shot on the studio, its cast
// and contact shadows and the surface seen through its gaps removed) shows white where the original
// showed the grey shadow. The same photos damaged by other methods still warn: four painted stars
// (SPARKLE_ADDED), a bite erased (PIECE_AREA_LOST). Calibration-half photos (indep/report.ts).
import { describe, expect, it } from "vitest";
import { checkPair } from "../../../workers/retouch/guards";
import { indepPhotoCases } from "../../fixtures/guards/indep/cases";
import { requirePhotos } from "../../fixtures/guards/photo-dir";

const PHOTOS = ["tamar_bracelet_0103.jpg", "tamar_bracelet_0355.jpg"];

describe.runIf(requirePhotos())("removed shadows on real photos (check)", () => {
  for (const file of PHOTOS)
    it(`${file}: quiet on the honest retouch, finds painted stars and a bite`, async () => {
      const cases = await indepPhotoCases(560, (f) => f === file);
      const of = (damage: string) => cases.find((c) => c.damage === damage)!;
      // As indep/report.ts counts: a damage is found when its code is raised at all (note or
      // warning); an honest retouch is a false alarm when it raises a warning.
      const codes = (damage: string, warningsOnly: boolean) =>
        checkPair(of(damage).before, of(damage).after)
          .warnings.filter((w) => !warningsOnly || w.severity === "warning")
          .map((w) => w.code);
      const honest = codes("honest", true);
      expect(honest).not.toContain("SPARKLE_ADDED");
      expect(honest).not.toContain("PIECE_AREA_LOST");
      expect(codes("star_glints", false)).toContain("SPARKLE_ADDED");
      expect(codes("piece_erased", false)).toContain("PIECE_AREA_LOST");
    }, 120_000);

  it("finds a stretch of a thin chain erased (tamar_pendant_0214: narrower than the 5×5 opening)", async () => {
    const c = (await indepPhotoCases(560, (f) => f === "tamar_pendant_0214.jpg")).find(
      (x) => x.damage === "piece_erased",
    )!;
    const found = checkPair(c.before, c.after).warnings.find((w) => w.code === "PIECE_AREA_LOST");
    expect(found).toBeDefined();
    expect(found!.value).toBeGreaterThanOrEqual(0.01);
  }, 120_000);
});
