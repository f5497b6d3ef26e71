// Measures the activation ranges the 8-bit ISNet graph is quantized with (workers/retouch/segment/
// model-int8.ts) and writes workers/retouch/segment/isnet-activation-ranges.json.
//   bash scripts/with-node.sh tsx bench/calibrate-isnet.ts [photos…]   (default: ../shared/photos/*.jpg)
// The float32 graph runs on each photo squashed to 1024² exactly as the engine feeds it; every tensor
// the quantizer may wrap is read back: its widest range over the photos (the quantization range, so no
// photo like these is clipped) and the median photo's own (which tells the quantizer whether one fixed
// scale suits the tensor at all: model-int8.ts, STABLE_SPREAD).
// Calibrate on photos that are not the cutout bench's scenes, so the bench stays a fair measure.
import fs from "node:fs";
import path from "node:path";
import * as ort from "onnxruntime-node";
import sharp from "sharp";
import onnxProto from "onnx-proto";
import { quantizedActivations, type ActivationRange } from "../workers/retouch/segment/model-int8";
import { ACTIVATION_TABLE, modelHash, type ActivationTable } from "../workers/retouch/segment/isnet-int8";
import { graphSource, modelPathFromEnv, networkInput } from "../workers/retouch/segment/isnet";
import { sharedLocation } from "../tests/support/shared-data";
import { fileURLToPath } from "node:url";

const { onnx } = onnxProto;
const SIDE = 1024;

const photoDir = sharedLocation("photos");
const photos = process.argv.slice(2).length
  ? process.argv.slice(2)
  : fs
      .readdirSync(photoDir)
      .filter((f) => /\.jpe?g$/i.test(f))
      .sort()
      .map((f) => path.join(photoDir, f));
if (!photos.length) throw new Error("no photos to calibrate on");

const modelPath = modelPathFromEnv();
const fp32Source = graphSource(modelPath, SIDE, "fp32");
const fp32 = typeof fp32Source === "string" ? new Uint8Array(fs.readFileSync(fp32Source)) : fp32Source;
const names = quantizedActivations(fp32);
const read = names.filter((n) => n !== "input");
// The same graph with every tensor to calibrate declared as an output.
const m = onnx.ModelProto.decode(fp32);
const declared = new Set(m.graph!.output!.map((o) => o.name));
for (const n of read) if (!declared.has(n)) m.graph!.output!.push(onnx.ValueInfoProto.create({ name: n }));
const session = await ort.InferenceSession.create(onnx.ModelProto.encode(m).finish(), {
  intraOpNumThreads: 2,
  graphOptimizationLevel: "basic",
  logSeverityLevel: 3,
});

const perPhoto = new Map<string, { min: number[]; max: number[] }>(names.map((n) => [n, { min: [], max: [] }]));
const widen = (n: string, d: Float32Array) => {
  let lo = 0;
  let hi = 0;
  for (let i = 0; i < d.length; i++) {
    const v = d[i]!;
    if (v < lo) lo = v;
    else if (v > hi) hi = v;
  }
  perPhoto.get(n)!.min.push(lo);
  perPhoto.get(n)!.max.push(hi);
};
for (const p of photos) {
  // As isnetProbability feeds the network: the frame squashed to side², lanczos3.
  const small = await sharp(p)
    .rotate()
    .resize(SIDE, SIDE, { fit: "fill", kernel: "lanczos3" })
    .removeAlpha()
    .raw()
    .toBuffer();
  const input = networkInput(small, SIDE);
  if (perPhoto.has("input")) widen("input", input.data as Float32Array);
  const out = await session.run({ input }, read);
  for (const n of read) {
    widen(n, out[n]!.data as Float32Array);
    out[n]!.dispose();
  }
  console.error(`calibrate: ${path.basename(p)}`);
}

const median = (v: number[]) => v.slice().sort((a, b) => a - b)[Math.floor((v.length - 1) / 2)]!;
const round = (v: number) => Number(v.toPrecision(6));
const ranges: Record<string, ActivationRange> = {};
for (const [n, r] of perPhoto)
  ranges[n] = {
    min: round(Math.min(...r.min)),
    max: round(Math.max(...r.max)),
    typicalMin: round(median(r.min)),
    typicalMax: round(median(r.max)),
  };
const table: ActivationTable = {
  model: modelHash(modelPath),
  source: `each tensor's widest range, and the median photo's, over ${photos.length} photos (${[...new Set(photos.map((p) => path.basename(path.dirname(p))))].join(", ")}), 1024² input`,
  ranges,
};
fs.writeFileSync(fileURLToPath(ACTIVATION_TABLE), JSON.stringify(table, null, 1) + "\n");
console.error(`calibrate: ${names.length} tensors → ${fileURLToPath(ACTIVATION_TABLE)}`);
