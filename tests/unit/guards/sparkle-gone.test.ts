// SPARKLE_LOST counts strong catchlights painted over one by one (tests/fixtures/guards/indep damages:
// each disc healed with the median of a ring of metal around it): on pieces with many highlights the
// share of sparkle kept hardly moves, the count of strong ones gone does. Calibration-half photos.
import { describe, expect, it } from "vitest";
import { checkPair } from "../../../workers/retouch/guards";
import { indepPhotoCases } from "../../fixtures/guards/indep/cases";
import { requirePhotos } from "../../fixtures/guards/photo-dir";

const PHOTOS = ["tamar_earring_0170.jpg", "tamar_necklace_0114.jpg"];

describe.runIf(requirePhotos())("SPARKLE_LOST on painted-over catchlights (check)", () => {
  for (const file of PHOTOS)
    it(`${file}: warns when its catchlights are painted over, not on its honest retouch`, async () => {
      const cases = await indepPhotoCases(560, (f) => f === file);
      const lost = (damage: string) => {
        const c = cases.find((x) => x.damage === damage)!;
        return checkPair(c.before, c.after).warnings.find((w) => w.code === "SPARKLE_LOST");
      };
      const painted = lost("catchlights_painted");
      expect(painted?.severity).toBe("warning");
      expect(painted!.measure).toBe("strong highlights gone");
      expect(painted!.value).toBeGreaterThanOrEqual(3);
      expect(lost("honest")?.severity).not.toBe("warning");
    }, 120_000);
});
