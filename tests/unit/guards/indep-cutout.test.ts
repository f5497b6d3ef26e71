// The guards on real retailer cutouts with exact alpha (../shared/data/cutout-dev, read in place): the
// calibration half (even positions in the sorted piece names), each piece on one of the five surfaces
// in turn, through the check CLI's path. The honest retouch is the true piece over studio white, so
// every warning on it is a false alarm and every damage is real. Prints the rates; both halves on all
// surfaces: `tsx tests/fixtures/guards/indep/report.ts 0 --cutout`.
import { beforeAll, describe, expect, it } from "vitest";
import { indepCutoutCases, type IndepCase } from "../../fixtures/guards/indep/cases";
import { CUTOUT_SURFACES, cutoutDir } from "../../fixtures/guards/indep/cutout-truth";
import { evaluateIndep, formatIndep } from "../../fixtures/guards/indep/report";

describe.runIf(cutoutDir() !== null)("guards on real cutouts with exact truth (cal half)", () => {
  let cases: IndepCase[] = [];
  beforeAll(async () => {
    cases = await indepCutoutCases(
      640,
      (_, half) => half === "cal",
      (k) => [CUTOUT_SURFACES[(k >> 1) % CUTOUT_SURFACES.length]!],
    );
  }, 300_000);

  it("finds the damage and stays quiet on the true piece", async () => {
    const r = await evaluateIndep(cases);
    console.log(formatIndep(r));
    let honest = 0;
    let alarms = 0;
    for (const [, t] of r.honest) {
      honest += t.n;
      alarms += t.hit;
    }
    expect(honest).toBe(20);
    expect(alarms).toBeLessThanOrEqual(MAX_ALARMS);
    for (const [code, min] of Object.entries(MIN_DETECTED)) {
      const t = r.detect.get(`cal cutout ${code}`)!;
      expect(t.n, code).toBeGreaterThan(0);
      expect(t.hit / t.n, code).toBeGreaterThanOrEqual(min);
    }
  }, 900_000);
});

// Measured on this subset (20 scenes, 133 pairs); the bounds sit at the measured values so that any
// regression fails. They are not the goal (≤ 5 % false alarms, ≥ 95 % per code). At the commit that
// added it: 3 honest alarms (PROP_KEPT on band_nhancuoi1 sweep, ring_nhan1 blue, piece_ts1 grey with
// HALO), PIECE_AREA_LOST 11/20. Since the check's structure rule (matte-estimate.ts, texturedShown)
// and PROP_KEPT's field reach: 1 alarm left (piece_ts1 grey: HALO 0.38, PROP_KEPT 0.027), PIECE_AREA_LOST
// 14/20; it still misses bites on white metal on white, SPARKLE_ADDED stars on it. Since gaps.ts and the
// SPARKLE_ADDED reading against the original's surround: SPARKLE_ADDED 14/20 (bound kept one case below),
// the rest unchanged (the full cal half: honest alarms 13 → 6 of 100, stars 63 → 71 of 100).
// 2026-12-06, SPARKLE_ADDED reading stars beside gaps against the gap's own swap and off the rims over
// the original's surround: this subset still 14/20 (the bound now at it), the rest unchanged; the full
// cal half stars 71 → 74 of 100, test half 64 → 71 of 95, honest alarms unchanged (6/100, 8/95).
// 2026-12-07, the check's matte softened only inward on a dark surface (matte-estimate.ts DARK_L): HALO
// 14/16 → 16/16 here (both misses were bands of black velvet); full cal half 71/80 → 80/80, test half
// 72/76 → 76/76, honest alarms unchanged (6/100, 8/95), every other code unchanged.
// 2026-12-07, PROP_KEPT leaving out patches whose cut line the original steps across (outlined metal):
// this subset's one alarm is piece_ts1 grey's HALO alone (PROP_KEPT gone); the full halves' honest
// alarms 6 → 4 of 100 and 8 → 6 of 95.
// 2026-12-07, PIECE_AREA_LOST reading a removed shadow's colour as metal where the original is rough
// (piece-area-lost.ts, metalLike): PIECE_AREA_LOST 14/20 → 19/20 here; the one alarm is still piece_ts1
// grey (HALO, now with PIECE_AREA_LOST); full halves: bites cal 73 → 89 of 100, test 72 → 84 of 95.
// 2026-12-07, SPARKLE_ADDED leaving tinted gaps out (sparkle-added.ts, tintedGap) and PIECE_AREA_LOST
// reading white metal on a white surface by its structure: this subset unchanged; full halves: honest
// alarms test 6 → 1 of 95 (cal 4/100), bites cal 89 → 90 of 100, test 84 → 87 of 95, stars cal 74 → 73
// of 100 (the pair lost had been found only by an honest peak), test 71 of 95.
// 2026-12-07, SPARKLE_ADDED telling a painted star by its rays (star-rays.ts): SPARKLE_ADDED 14/20 →
// 16/20 here, the rest unchanged; full halves: stars cal 73 → 83 of 100, test 71 → 88 of 95, honest
// alarms unchanged (4/100, 1/95).
// 2026-12-07, PIECE_AREA_LOST finding bites through polished metal taken for a shadow (cut-through.ts):
// this subset unchanged; full halves: bites cal 90 → 92 of 100, test 87 → 91 of 95, honest alarms
// unchanged (4/100, 1/95).
const MAX_ALARMS = 1;
const MIN_DETECTED: Record<string, number> = {
  GEM_COLOR_SHIFT: 1, // 1/1
  HALO: 1, // 16/16
  METAL_TONE_SHIFT: 1, // 20/20
  PIECE_AREA_LOST: 0.95, // 19/20
  SHADOW_CAST: 1, // 2/2
  SPARKLE_ADDED: 0.8, // 16/20
  SPARKLE_LOST: 1, // 15/15
  TEXTURE_LOST: 1, // 19/19
};
