// Acceptance on damage the guards were not designed around (tests/fixtures/guards/indep): the test
// half of the independent set (even seeds; the odd ones were used to calibrate), through the check
// CLI's path; pendants 6, 12 and 18 rendered 2.8× (wide catchlights, small fixed-size stars), and
// half the honest retouches noise-free. Prints the rates; the whole set and both halves: indep/report.ts.
import { beforeAll, describe, expect, it } from "vitest";
import { indepSynthCases, type IndepCase } from "../../fixtures/guards/indep/cases";
import { evaluateIndep, formatIndep, MIXED } from "../../fixtures/guards/indep/report";

describe("guards on the independent set (test half, synthetic pendants)", () => {
  let cases: IndepCase[] = [];
  beforeAll(async () => {
    cases = await indepSynthCases([2, 4, 6, 8, 10, 12, 14, 16, 18, 20], MIXED);
  }, 240_000);

  it("detects each code and stays quiet on honest retouches from every surface", async () => {
    const r = await evaluateIndep(cases);
    console.log(formatIndep(r));
    let n = 0;
    let hit = 0;
    for (const [, t] of r.detect) {
      n += t.n;
      hit += t.hit;
      expect(t.hit / t.n).toBeGreaterThanOrEqual(PER_CODE_MIN);
    }
    expect(hit / n).toBeGreaterThanOrEqual(0.95);
    let honest = 0;
    let alarms = 0;
    for (const [, t] of r.honest) {
      honest += t.n;
      alarms += t.hit;
    }
    expect(honest).toBe(10);
    expect(alarms / honest).toBeLessThanOrEqual(0.05);
  }, 600_000);
});

// With 5–10 cases per code one miss is 80–90 %; the whole set's 95 % is asserted above.
const PER_CODE_MIN = 0.8;
