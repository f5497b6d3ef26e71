// The real network (models/isnet-fp16.onnx, or LOUPE_MODEL): the re-targeted 640² graph, the
// matte quality against the anchor (ISNet at 1024², resized, alpha on the original colours) on
// fixtures with exact alpha, and one full retouch through the pool on the default (network) path.
import fs from "node:fs";
import sharp from "sharp";
import { afterAll, describe, expect, it } from "vitest";
import { makeFixture, fixtureJpeg, type FixtureSpec } from "../../fixtures/jewelry";
import { alphaOnOriginal, edgeTruth } from "../../fixtures/edges";
import { edgeBand, scoreCutout, scoreEdges } from "../../../workers/retouch/metrics/cutout";
import { graphName, isnetProbability, modelPathFromEnv, networkInput } from "../../../workers/retouch/segment/isnet";
import { resampleBilinear } from "../../../workers/retouch/pixels/plane";
import { buildMatte } from "../../../workers/retouch/matte/pipeline-matte";
import { decontaminate } from "../../../workers/retouch/matte/decontaminate";
import { EnginePool, RetouchInputError } from "../../../workers/retouch/index";
import * as ort from "onnxruntime-node";
import { widenToFloat32 } from "../../../workers/retouch/segment/model-fp32";
import { resizeIsnetModel } from "../../../workers/retouch/segment/model-resize";
import { FUSED_OUTPUT, pruneToOutput } from "../../../workers/retouch/segment/model-prune";

const model = modelPathFromEnv();
const SIZE = 900;
const specs: Partial<FixtureSpec>[] = [
  { layout: "ring", surface: "white", metal: "yellow", gem: "ruby" },
  { layout: "pendant", surface: "grey-gradient", metal: "rose", gem: "emerald" },
  { layout: "chain", surface: "black", metal: "silver" },
];

describe("ISNet on fixtures", () => {
  it("the model file is present", () => {
    expect(fs.existsSync(model)).toBe(true);
  });

  it("ours (the float32 graph at 1024², matte, decontamination) beats the shipped graph resized", async () => {
    const keys = ["iou", "mae", "boundaryF", "edgeError", "bleed"] as const;
    const anchor = Object.fromEntries(keys.map((k) => [k, 0])) as Record<(typeof keys)[number], number>;
    const ours = { ...anchor };
    let first640: Float32Array | null = null;
    for (const spec of specs) {
      const f = makeFixture({ size: SIZE, seed: 5, ...spec });
      const { ideal, surface } = edgeTruth(f);
      const band = edgeBand(f.alpha);
      const p1024 = await isnetProbability(f.image, model, 1024, undefined, "shipped");
      const a = resampleBilinear(p1024, SIZE, SIZE);
      const p640 = await isnetProbability(f.image, model, 640);
      expect([p640.width, p640.height]).toEqual([640, 640]);
      first640 ??= p640.data;
      const m = await buildMatte(f.image, await isnetProbability(f.image, model, 1024));
      const sa = { ...scoreCutout(a, f.alpha), ...scoreEdges(alphaOnOriginal(f, a.data), ideal, surface, band) };
      const so = {
        ...scoreCutout(m.alpha, f.alpha),
        ...scoreEdges(decontaminate(f.image, m.alpha, m.work, m.backdrop, m.fg, m.bg), ideal, surface, band),
      };
      for (const k of keys) {
        anchor[k] += sa[k] / specs.length;
        ours[k] += so[k] / specs.length;
      }
    }
    // The re-targeted graph produces a real probability map, not noise.
    expect(first640!.reduce((m, v) => Math.max(m, v), 0)).toBeGreaterThan(0.95);
    expect(ours.iou).toBeGreaterThan(anchor.iou);
    expect(ours.mae).toBeLessThan(anchor.mae);
    // Both ≈ 0.94 on these shapes (the same network decides the outline); equal within rounding.
    expect(ours.boundaryF).toBeGreaterThanOrEqual(anchor.boundaryF - 0.002);
    expect(ours.edgeError).toBeLessThan(anchor.edgeError);
    // The cutout issue's target is half the anchor's bleed; with the 1024² map these fixtures reach
    // ~0.78× (0.078 vs 0.100): less bleed than the anchor, not yet half (docs/cutout-bench.md).
    expect(ours.bleed).toBeLessThan(anchor.bleed * 0.85);
  });
});

describe("the float32 graph", () => {
  it("computes what the shipped fp16 graph computes", async () => {
    const f = makeFixture({ size: SIZE, seed: 21, layout: "chain", surface: "grey-gradient", metal: "yellow" });
    const shipped = await isnetProbability(f.image, model, 640, undefined, "shipped");
    const fast = await isnetProbability(f.image, model, 640, undefined, "fp32");
    let maxDiff = 0;
    let flips = 0;
    for (let i = 0; i < fast.data.length; i++) {
      maxDiff = Math.max(maxDiff, Math.abs(fast.data[i]! - shipped.data[i]!));
      if (fast.data[i]! >= 0.5 !== shipped.data[i]! >= 0.5) flips++;
    }
    // fp16 activations round at ~1e-3 relative; the maps agree to that order, and the 0.5 level set
    // (what the cutout keeps) moves by a handful of pixels at most.
    expect(maxDiff).toBeLessThan(0.05);
    expect(flips / fast.data.length).toBeLessThan(1e-3);
    expect(shipped.data.reduce((m, v) => Math.max(m, v), 0)).toBeGreaterThan(0.95);
  });
});

// The 8-bit map against the float32 one: on these fixtures mean |Δp| ≈ 1e-4 and ≤ 1e-4 of the pixels
// cross ½; on real scenes (12 of ../shared/data/cutout-dev) 0.002 and 0.09 %.
const MAX_MEAN_DIFF = 0.002;
const MAX_FLIPS = 0.001;

describe("the 8-bit graph the engine runs", () => {
  it("is calibrated for the provisioned model, and computes the float32 map to within its steps", async () => {
    // The table (isnet-activation-ranges.json) was measured on this very file: a new model without a
    // new calibration would silently run float32, ~1.3× slower.
    expect(graphName(model)).toMatch(/^int8-[0-9a-f]{12}$/);
    for (const spec of specs) {
      const f = makeFixture({ size: SIZE, seed: 9, ...spec });
      const int8 = await isnetProbability(f.image, model, 1024, undefined, "fast");
      const fp32 = await isnetProbability(f.image, model, 1024, undefined, "fp32");
      let sum = 0;
      let flips = 0;
      for (let i = 0; i < int8.data.length; i++) {
        sum += Math.abs(int8.data[i]! - fp32.data[i]!);
        if (int8.data[i]! >= 0.5 !== fp32.data[i]! >= 0.5) flips++;
      }
      expect(sum).toBeGreaterThan(0); // a different graph…
      expect(sum / int8.data.length).toBeLessThan(MAX_MEAN_DIFF); // …computing the same map
      expect(flips / int8.data.length).toBeLessThan(MAX_FLIPS);
    }
  });
});

describe("the graph cut down to the fused output", () => {
  it("has one output and fewer nodes, and computes the same map to the bit", async () => {
    const full = resizeIsnetModel(widenToFloat32(fs.readFileSync(model)), 640);
    const pruned = pruneToOutput(full);
    const opts = { intraOpNumThreads: 2, logSeverityLevel: 3 as const };
    const a = await ort.InferenceSession.create(full, opts);
    const b = await ort.InferenceSession.create(pruned, opts);
    expect(a.outputNames.length).toBe(12);
    expect(b.outputNames).toEqual([FUSED_OUTPUT]);
    expect(pruned.length).toBeLessThan(full.length);
    // A fixture photo, normalised as isnetProbability does.
    const f = makeFixture({ size: 640, seed: 8, layout: "pendant", surface: "white", metal: "silver", gem: "diamond" });
    expect(f.image.channels).toBe(3);
    const n = 640 * 640;
    const feeds = { input: networkInput(f.image.data, 640) };
    const pa = (await a.run(feeds, [FUSED_OUTPUT]))[FUSED_OUTPUT]!.data as Float32Array;
    const pb = (await b.run(feeds, [FUSED_OUTPUT]))[FUSED_OUTPUT]!.data as Float32Array;
    expect(pb.length).toBe(n);
    expect(pa.reduce((m, v) => Math.max(m, v), 0)).toBeGreaterThan(0.95);
    let differ = 0;
    for (let i = 0; i < n; i++) if (pa[i] !== pb[i]) differ++;
    expect(differ).toBe(0);
    await a.release();
    await b.release();
    expect(() => pruneToOutput(full, "no-such-output")).toThrow(/no output/);
  });
});

describe("EnginePool on the network path", () => {
  const pool = new EnginePool({ threads: 1 });
  afterAll(() => pool.close());

  it("retouches a fixture photo end to end", async () => {
    expect(process.env.LOUPE_ENGINE_FAST).not.toBe("1");
    const f = makeFixture({ size: 800, layout: "ring", metal: "rose", cast: "warm", dust: 8, seed: 13 });
    const o = await pool.retouch(await fixtureJpeg(f), { size: 1024 });
    expect([o.width, o.height]).toEqual([800, 800]);
    expect(o.report.timings.segment).toBeGreaterThan(0);
    expect(o.report.backdrop.kind).toBe("white");
    expect(o.report.edits.length).toBeGreaterThanOrEqual(6);
    const cut = await sharp(o.cutoutPng).ensureAlpha().raw().toBuffer();
    // The ring's hole is clear, its band opaque.
    expect(cut[4 * (480 * 800 + 400) + 3]).toBe(0);
    expect(cut[4 * (Math.round(480 - 176 * 0.92) * 800 + 400) + 3]).toBeGreaterThanOrEqual(250);
  });

  it("an empty white frame has no piece", async () => {
    const white = await sharp({ create: { width: 600, height: 600, channels: 3, background: "#fafafa" } })
      .jpeg()
      .toBuffer();
    const err = await pool.retouch(white).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RetouchInputError);
    expect((err as RetouchInputError).code).toBe("NO_PIECE");
  });
});
