// Fixture quality vs the anchor with the real network: IoU, MAE, boundary F, edge error and
// backdrop bleed (docs/measures.md), for each network input side asked for.
import { makeFixture, type FixtureSpec } from "../tests/fixtures/jewelry";
import { alphaOnOriginal, edgeTruth } from "../tests/fixtures/edges";
import { edgeBand, scoreCutout, scoreEdges } from "../workers/retouch/metrics/cutout";
import { isnetProbability, modelPathFromEnv } from "../workers/retouch/segment/isnet";
import { resampleBilinear } from "../workers/retouch/pixels/plane";
import { buildMatte } from "../workers/retouch/matte/pipeline-matte";
import { decontaminate } from "../workers/retouch/matte/decontaminate";

export const QUALITY_FIXTURES: Partial<FixtureSpec>[] = [
  { layout: "ring", surface: "white", metal: "yellow", gem: "ruby" },
  { layout: "pendant", surface: "grey-gradient", metal: "rose", gem: "emerald" },
  { layout: "chain", surface: "black", metal: "silver" },
  { layout: "ring", surface: "pale-blue", metal: "white", gem: "sapphire", cast: "cool" },
  { layout: "chain", surface: "white", metal: "yellow", cast: "warm", finish: "brushed" },
  { layout: "pendant", surface: "white", metal: "white", gem: "sapphire", finish: "hammered" },
];

type Scores = { iou: number; mae: number; boundaryF: number; edgeError: number; bleed: number; bleedNonWhite: number };

function mean(rows: Scores[]): Scores {
  const out = { iou: 0, mae: 0, boundaryF: 0, edgeError: 0, bleed: 0, bleedNonWhite: 0 };
  for (const r of rows) for (const k of Object.keys(out) as (keyof Scores)[]) out[k] += r[k] / rows.length;
  return out;
}

export async function fixtureQuality(
  sides: number[],
  size = 1200,
): Promise<Record<string, Scores & { perImage: Scores[] }>> {
  const rows: Record<string, Scores[]> = {};
  for (const spec of QUALITY_FIXTURES) {
    const f = makeFixture({ size, seed: 5, dust: 0, ...spec });
    const { ideal, surface } = edgeTruth(f);
    const band = edgeBand(f.alpha);
    const nonWhite = spec.surface !== "white";
    const add = (key: string, alpha: Float32Array, cut: Uint8Array) => {
      const e = scoreEdges(cut, ideal, surface, band);
      (rows[key] ??= []).push({
        ...scoreCutout({ width: size, height: size, data: alpha }, f.alpha),
        ...e,
        bleedNonWhite: nonWhite ? e.bleed : NaN,
      });
    };
    const p1024 = await isnetProbability(f.image, modelPathFromEnv(), 1024, undefined, "shipped");
    const anchor = resampleBilinear(p1024, size, size).data;
    add("anchor-1024", anchor, alphaOnOriginal(f, anchor));
    for (const side of sides) {
      const p = side === 1024 ? p1024 : await isnetProbability(f.image, modelPathFromEnv(), side);
      const raw = resampleBilinear(p, size, size).data;
      add(`raw-${side}`, raw, alphaOnOriginal(f, raw));
      const m = await buildMatte(f.image, p);
      add(`ours-${side}`, m.alpha.data, decontaminate(f.image, m.alpha, m.work, m.backdrop, m.fg, m.bg));
    }
  }
  const out: Record<string, Scores & { perImage: Scores[] }> = {};
  for (const [k, v] of Object.entries(rows)) {
    const m = mean(v.map((r) => ({ ...r, bleedNonWhite: 0 })));
    const nw = v.filter((r) => !Number.isNaN(r.bleedNonWhite));
    m.bleedNonWhite = nw.reduce((s, r) => s + r.bleedNonWhite, 0) / Math.max(nw.length, 1);
    out[k] = { ...m, perImage: v };
  }
  return out;
}
