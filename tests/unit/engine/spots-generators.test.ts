// Dust on two independent generators: jewelry.ts's round dark specks and straight lint, and dust2.ts's
// polygon specks in five colours and opacities, curved fibres and smudges. Per generator: share of
// specks removed (measures.md), every highlight kept, texture energy within 5 % on every image, at
// 640 px and at 1600 px (the hidden renders' size). A third set places dark and light grey specks
// 1–6 px across beside catchlights (round and star-shaped) and stones on polished metal
// (dust2.ts withNearSpecks): the hidden renders' hardest class.
import { describe, expect, it } from "vitest";
import { makeFixture, fixturePng, type Finish, type Gem, type Layout, type Metal } from "../../fixtures/jewelry";
import { withDust2, withNearSpecks, withStarCatchlights } from "../../fixtures/dust2";
import { truthSegmenter } from "../../fixtures/segmenters";
import { cleanMetal, dustRemoval, highlightsKept, textureEnergy } from "../../fixtures/measure";
import { runPipeline } from "../../../workers/retouch/pipeline";

const CASES: Array<[Finish, Metal, number, Gem]> = [
  ["polished", "yellow", 11, "ruby"],
  ["polished", "rose", 12, "emerald"],
  ["polished", "white", 13, "diamond"],
  ["polished", "yellow", 14, "sapphire"],
  ["brushed", "silver", 11, "none"],
  ["brushed", "silver", 12, "ruby"],
  ["hammered", "yellow", 11, "none"],
  ["hammered", "rose", 12, "ruby"],
];

async function score(gen: 1 | 2, size = 640) {
  let removed = 0;
  let counted = 0;
  let kept = 0;
  let highlights = 0;
  let worstTexture = 0;
  for (const [finish, metal, seed, gem] of CASES) {
    let f = makeFixture({
      size,
      finish,
      metal,
      gem,
      dust: gen === 1 ? 12 : 0,
      lint: gen === 1 ? 2 : 0,
      highlights: 6,
      seed,
    });
    if (gen === 2) f = withDust2(f, { specks: 12, fibres: 3, smudges: 3, seed });
    const r = await runPipeline(await fixturePng(f), {}, truthSegmenter(f, size > 1000 ? 1024 : 512));
    const d = dustRemoval(f, r.internals.cutout, 4);
    const h = highlightsKept(f, r.internals.cutout, 4);
    const mask = cleanMetal(f);
    const t = textureEnergy(r.internals.cutout, 4, size, size, mask) / textureEnergy(f.image.data, 3, size, size, mask);
    removed += d.removed;
    counted += d.counted;
    kept += h.kept;
    highlights += h.counted;
    worstTexture = Math.max(worstTexture, Math.abs(t - 1));
  }
  return { removed, counted, kept, highlights, worstTexture };
}

// Measured on these eight pieces (2026-12-06, main after issue-14h; the same eight as the scratch
// `scratch-l14/gen14e.ts`, with this test's maps — 512² at 640 px, 1024² at 1600 px): jewelry.ts 72 / 74
// (0.973) at 640 px and 107 / 107 at 1600 px; dust2.ts 110 / 122 (0.902) at 640 px and 130 / 143 (0.909)
// at 1600 px — the 90 % on both generators, by one or two specks (issue-14f on six of them: 81 / 92
// and 87 / 107; since then light grey specks over the catchlight quantile on gold, lone dark pixels grey
// or blue on gold, smudges on brushed metal and a film's soft rim are taken); highlights 48 / 48 in each;
// worst texture change 4.7 % (dust2, 640 px). dust2's 13 misses at 1600 px (scratch why14h): 5 smudges
// (2 whose core is under the least area, 2 with a ring that is not quiet, one drawn out along the
// brushed grain); 4 light grey specks and fibres on brushed silver that stand 18–24 over the median,
// under the texture threshold (20–24); 3 blue-grey fibres whose middle stays partly dark between
// filled segments; a mid grey speck at 62 % on hammered gold 17 under a threshold of 17.6.
const BOUNDS: Record<1 | 2, Record<number, number>> = { 1: { 640: 0.97, 1600: 0.98 }, 2: { 640: 0.9, 1600: 0.9 } };

const NEAR: Array<[Layout, Metal, Gem, number]> = [
  ["ring", "yellow", "ruby", 21],
  ["ring", "rose", "emerald", 22],
  ["ring", "white", "diamond", 23],
  ["ring", "silver", "sapphire", 24],
  ["pendant", "yellow", "sapphire", 25],
  ["pendant", "white", "ruby", 26],
  ["ring", "yellow", "none", 27],
  ["ring", "silver", "none", 28],
];

async function nearScore(size: number) {
  let removed = 0;
  let counted = 0;
  let kept = 0;
  let highlights = 0;
  for (const [layout, metal, gem, seed] of NEAR) {
    let f = makeFixture({ size, layout, metal, gem, finish: "polished", dust: 0, lint: 0, highlights: 6, seed });
    f = withStarCatchlights(f, 4, seed);
    f = withNearSpecks(f, { specks: 12, seed });
    const r = await runPipeline(await fixturePng(f), {}, truthSegmenter(f, size > 1000 ? 1024 : 512));
    const d = dustRemoval(f, r.internals.cutout, 4);
    const h = highlightsKept(f, r.internals.cutout, 4);
    removed += d.removed;
    counted += d.counted;
    kept += h.kept;
    highlights += h.counted;
  }
  return { removed, counted, kept, highlights };
}

// Measured on these eight pieces (2026-12-06, issue-14h; `npx tsx scratch-l14/near14f.ts`): 50 / 57
// (0.88) at 640 px, 64 / 70 (0.91) at 1600 px; highlights 60 / 60 at each size (issue-14g: 46 / 57 and
// 61 / 70; since then the ring's edge allowance at 0.55, a beside ring 0.85 on the piece or by the
// edge where the rest is smooth, and a lone pixel no longer keeps the faint search off its blob). Was 45 / 57 and 55 / 70
// (issue-14f) before faint light specks on neutral metal (spots/faint-specks.ts): light grey specks
// beside the diamond or sapphire stand 9–15 over white gold or silver, under the search's threshold.
// Before the ring's `beside` part (spots/ring.ts) 26 / 57 (46 %) and 30 / 71 (42 %). Misses: light grey
// specks under 1 px (one pixel over the metal, at 640 px), specks joined to the stone's bright facets
// or a catchlight's flank, and a few by the piece's edge at 640 px. At 1600 px (scratch why14h): two
// light grey specks 1–2 px over white gold by a catchlight (under the faint search's least area), two
// joined to a catchlight's flank on yellow gold, one joined to the sapphire's facets, one beside the
// emerald taken but left visible (its fill reads the stone).
const NEAR_BOUNDS: Record<number, number> = { 640: 0.85, 1600: 0.9 };

describe("dust, two generators", () => {
  for (const gen of [1, 2] as const)
    for (const size of [640, 1600])
      it(`${gen === 1 ? "jewelry.ts" : "dust2.ts (polygons, colours, fibres, smudges)"} dust at ${size} px: ≥ ${BOUNDS[gen][size]! * 100} % removed, every highlight kept, texture within 5 %`, async () => {
        const s = await score(gen, size);
        expect(s.counted).toBeGreaterThanOrEqual(50);
        expect(s.removed / s.counted).toBeGreaterThanOrEqual(BOUNDS[gen][size]!);
        expect(s.highlights).toBeGreaterThanOrEqual(30);
        expect(s.kept).toBe(s.highlights);
        expect(s.worstTexture).toBeLessThan(0.05);
      }, 300_000);
});

describe("dust beside catchlights and stones (polished metal)", () => {
  for (const size of [640, 1600])
    it(`at ${size} px: ≥ ${NEAR_BOUNDS[size]! * 100} % removed, every highlight kept`, async () => {
      const s = await nearScore(size);
      expect(s.counted).toBeGreaterThanOrEqual(50);
      expect(s.removed / s.counted).toBeGreaterThanOrEqual(NEAR_BOUNDS[size]!);
      expect(s.highlights).toBeGreaterThanOrEqual(50);
      expect(s.kept).toBe(s.highlights);
    }, 600_000);
});
