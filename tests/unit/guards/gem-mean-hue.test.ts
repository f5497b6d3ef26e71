// A stone's mean hue is not its pixels' hue: when a retouch lowers a stone's chroma a little and
// turns its pixels by a few degrees (what a white balance a shade off from the photographer's does),
// the mean of a violet-blue stone moves past the 5° "toward violet" limit while the stone's own
// pixels stay under it. tamar_earring_0274's honest retouch did exactly that (pixels 3.5°, chroma
// −10 %, ΔE00 1.6; mean 5.2° toward violet). Here the calibration-half photo elorine_pendant_necklace2
// (a blue stone, CIELAB hue ~273°): its honest retouch with the stone turned 3° and desaturated
// 10 % raised a 5.3° warning before; a 6° turn and the independent stone_hue damage still warn.
import { describe, expect, it } from "vitest";
import { checkPair } from "../../../workers/retouch/guards";
import { indepPhotoCases } from "../../fixtures/guards/indep/cases";
import { rotateStoneHue } from "../../fixtures/guards/indep/damages";
import { photoTruth } from "../../fixtures/guards/indep/photo-truth";
import { fromImage8, toImage8 } from "../../fixtures/guards/image";
import { requirePhotos } from "../../fixtures/guards/photo-dir";

const FILE = "elorine_pendant_necklace2.jpg";

describe.runIf(requirePhotos())("gem hue: the stone's own pixels decide (check)", () => {
  it(`${FILE}: a 3° turn with 10 % less chroma is at most a note; 6° and an 18° slider warn`, async () => {
    const cases = await indepPhotoCases(560, (f) => f === FILE);
    const honest = cases.find((c) => c.damage === "honest")!;
    const stone = photoTruth(fromImage8(honest.before))!.stone;
    const turned = (deg: number, chroma: number) => {
      const a = fromImage8(honest.after);
      rotateStoneHue(a, stone, deg);
      for (let i = 0; i < stone.length; i++) {
        if (!stone[i]) continue;
        const o = i * 3;
        const y = 0.2126 * a.d[o]! + 0.7152 * a.d[o + 1]! + 0.0722 * a.d[o + 2]!;
        for (let k = 0; k < 3; k++) a.d[o + k] = y + chroma * (a.d[o + k]! - y);
      }
      return checkPair(honest.before, toImage8(a)).warnings.filter((w) => w.code === "GEM_COLOR_SHIFT");
    };
    const slight = turned(3, 0.9);
    expect(slight.length).toBeGreaterThan(0); // the change is seen, as a note
    expect(slight.filter((w) => w.severity === "warning")).toEqual([]);
    const six = turned(6, 1).filter((w) => w.severity === "warning");
    expect(six.length).toBeGreaterThan(0);
    expect(six[0]!.value).toBeGreaterThan(5);
    const damaged = cases.find((c) => c.damage === "stone_hue")!;
    expect(checkPair(damaged.before, damaged.after).warnings.map((w) => w.code)).toContain("GEM_COLOR_SHIFT");
  }, 120_000);
});
