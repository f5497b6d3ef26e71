// SHADOW_CAST on damage it was not designed around: a photo editor's split toning of the shadows
// (tests/fixtures/guards/indep/damages.ts toneShadows — in sRGB, any hue, weighted by darkness) applied
// to a real photo whose metal has dark parts. The guard reads a cast in the metal's dark parts; the
// honest retouch of the same photo (the piece as shot on the studio background) raises none.
import { describe, expect, it } from "vitest";
import { checkPair } from "../../../workers/retouch/guards";
import { indepPhotoCases } from "../../fixtures/guards/indep/cases";
import { requirePhotos } from "../../fixtures/guards/photo-dir";

// Calibration-half photos (indep/report.ts), where the tint acts on dark gold and dark beads.
const PHOTOS = ["tamar_bracelet_0103.jpg", "tamar_necklace_0032.jpg"];

describe.runIf(requirePhotos())("SHADOW_CAST on split-toned shadows of real photos", () => {
  for (const file of PHOTOS)
    it(`warns on ${file} toned, stays quiet on its honest retouch`, async () => {
      const cases = await indepPhotoCases(560, (f) => f === file);
      const toned = cases.find((c) => c.damage === "shadows_toned");
      const honest = cases.find((c) => c.damage === "honest")!;
      expect(toned, "the photo has dark metal for the tint to act on").toBeDefined();
      const found = checkPair(toned!.before, toned!.after).warnings.find((w) => w.code === "SHADOW_CAST");
      expect(found?.severity).toBe("warning");
      expect(found!.value).toBeGreaterThan(found!.threshold);
      const quiet = checkPair(honest.before, honest.after).warnings.filter((w) => w.code === "SHADOW_CAST");
      expect(quiet.filter((w) => w.severity === "warning")).toEqual([]);
    }, 120_000);
});
