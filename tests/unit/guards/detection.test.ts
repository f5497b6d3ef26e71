// Acceptance of the guards on damaged vs honest retouches (tests/fixtures/guards): synthetic pieces
// with known truth and real photos from ../shared/photos (read in place). Prints the measured
// rates; asserts ≥ 95 % detection overall on synthetic pieces (≥ 93 % on real photos, ≥ 85 % per
// damage) and ≤ 5 % honest pairs with a warning. Honest = composited on a studio background, or the
// backdrop gains on the whole photo; both with mild denoise, dust removed, JPEG q90.
import { beforeAll, describe, expect, it } from "vitest";
import { runGuards } from "../../../workers/retouch/guards";
import { photoCases, plainPhotos, synthCases, type GuardCase } from "../../fixtures/guards/cases";

interface Tally {
  n: number;
  hit: number;
}

function evaluate(cases: GuardCase[]): {
  detect: Map<string, Tally>;
  honest: Tally;
  alarms: string[];
  misses: string[];
} {
  const detect = new Map<string, Tally>();
  const honest = { n: 0, hit: 0 };
  const alarms: string[] = [];
  const misses: string[] = [];
  for (const c of cases) {
    const ws = runGuards(c.input);
    if (c.expected) {
      const t = detect.get(c.damage) ?? { n: 0, hit: 0 };
      t.n++;
      if (ws.some((w) => w.code === c.expected)) t.hit++;
      else misses.push(`${c.name} ${c.damage}`);
      detect.set(c.damage, t);
    } else {
      honest.n++;
      const bad = ws.filter((w) => w.severity === "warning");
      if (bad.length) alarms.push(`${c.name}: ${bad.map((w) => `${w.code}=${w.value}`).join(", ")}`);
      else honest.hit++;
    }
  }
  return { detect, honest, alarms, misses };
}

function report(label: string, r: ReturnType<typeof evaluate>): { overall: number; falseAlarm: number } {
  let n = 0;
  let hit = 0;
  const lines = [...r.detect].sort().map(([d, t]) => {
    n += t.n;
    hit += t.hit;
    return `  ${d.padEnd(16)} ${t.hit}/${t.n} = ${((100 * t.hit) / t.n).toFixed(1)} %`;
  });
  const falseAlarm = (r.honest.n - r.honest.hit) / Math.max(1, r.honest.n);
  console.log(
    `${label}: detection ${hit}/${n} = ${((100 * hit) / n).toFixed(1)} %; honest with a warning ${r.honest.n - r.honest.hit}/${r.honest.n} = ${(100 * falseAlarm).toFixed(1)} %\n` +
      lines.join("\n") +
      (r.misses.length ? `\n  missed: ${r.misses.join("; ")}` : "") +
      (r.alarms.length ? `\n  false alarms: ${r.alarms.join("; ")}` : ""),
  );
  return { overall: hit / n, falseAlarm };
}

describe("guards on synthetic damaged / honest retouches", () => {
  let cases: GuardCase[] = [];
  beforeAll(async () => {
    cases = await synthCases(Array.from({ length: 12 }, (_, i) => 101 + i));
  }, 120_000);

  it("detects each damage and stays quiet on honest retouches", () => {
    const r = evaluate(cases);
    const { overall, falseAlarm } = report("synthetic", r);
    expect(r.honest.n).toBe(24);
    expect(overall).toBeGreaterThanOrEqual(0.95);
    for (const [, t] of r.detect) expect(t.hit / t.n).toBeGreaterThanOrEqual(0.85);
    expect(falseAlarm).toBeLessThanOrEqual(0.05);
  }, 120_000);
});

describe("guards on real photos with damaged / honest retouches", () => {
  let cases: GuardCase[] = [];
  beforeAll(async () => {
    // Every other plain-backdrop photo, downscaled in memory to keep the suite fast.
    cases = await photoCases(
      plainPhotos().filter((_, i) => i % 2 === 0),
      400,
    );
  }, 180_000);

  it("detects each damage and stays quiet on honest retouches", () => {
    const r = evaluate(cases);
    const { overall, falseAlarm } = report("real photos", r);
    expect(r.honest.n).toBeGreaterThanOrEqual(30);
    expect(overall).toBeGreaterThanOrEqual(0.93);
    for (const [, t] of r.detect) expect(t.hit / t.n).toBeGreaterThanOrEqual(0.8);
    expect(falseAlarm).toBeLessThanOrEqual(0.05);
  }, 180_000);
});
