// The 8-bit quantizer on a small graph built here (Conv → ReLU → Conv → ReLU → Conv → Sigmoid, the
// shape of ISNet's blocks and its last logit), run by onnxruntime: the quantized graph computes what
// the float one does to within its 8-bit steps; a tensor whose range is not stable across photos,
// and the logit the output reads, stay float; a table missing a tensor is refused.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import * as ort from "onnxruntime-node";
import onnxProto from "onnx-proto";
import { describe, expect, it } from "vitest";
import {
  quantizedActivations,
  quantizeToInt8,
  uint8Params,
  type ActivationRange,
} from "../../../workers/retouch/segment/model-int8";
import { int8Recipe } from "../../../workers/retouch/segment/isnet-int8";
import { rng } from "../../fixtures/rng";

const { onnx } = onnxProto;
const FLOAT = onnx.TensorProto.DataType.FLOAT;
const C = 8;
const S = 16;

function weights(name: string, dims: number[], rnd: () => number, scale: number) {
  const n = dims.reduce((a, b) => a * b, 1);
  const v = Float32Array.from({ length: n }, () => (rnd() * 2 - 1) * scale);
  return onnx.TensorProto.create({ name, dataType: FLOAT, dims, rawData: new Uint8Array(v.buffer) });
}

function model(): Uint8Array {
  const rnd = rng(7);
  const conv = (x: string, w: string, b: string, y: string) =>
    onnx.NodeProto.create({
      opType: "Conv",
      name: y,
      input: [x, w, b],
      output: [y],
      attribute: [
        onnx.AttributeProto.create({ name: "pads", type: onnx.AttributeProto.AttributeType.INTS, ints: [1, 1, 1, 1] }),
      ],
    });
  const relu = (x: string, y: string) => onnx.NodeProto.create({ opType: "Relu", name: y, input: [x], output: [y] });
  const vi = (name: string, dims: number[]) =>
    onnx.ValueInfoProto.create({
      name,
      type: { tensorType: { elemType: FLOAT, shape: { dim: dims.map((d) => ({ dimValue: d })) } } },
    });
  const g = onnx.GraphProto.create({
    name: "blocks",
    node: [
      conv("input", "w1", "b1", "c1"),
      relu("c1", "r1"),
      conv("r1", "w2", "b2", "c2"),
      relu("c2", "r2"),
      conv("r2", "w3", "b3", "logit"),
      onnx.NodeProto.create({ opType: "Sigmoid", name: "output", input: ["logit"], output: ["output"] }),
    ],
    initializer: [
      weights("w1", [C, 3, 3, 3], rnd, 0.5),
      weights("b1", [C], rnd, 0.1),
      weights("w2", [C, C, 3, 3], rnd, 0.3),
      weights("b2", [C], rnd, 0.1),
      weights("w3", [1, C, 3, 3], rnd, 0.3),
      weights("b3", [1], rnd, 0.1),
    ],
    input: [vi("input", [1, 3, S, S])],
    output: [vi("output", [1, 1, S, S])],
  });
  return onnx.ModelProto.encode(
    onnx.ModelProto.create({ irVersion: 8, opsetImport: [{ domain: "", version: 15 }], graph: g }),
  ).finish();
}

const input = () => {
  const rnd = rng(11);
  return Float32Array.from({ length: 3 * S * S }, () => Math.round(rnd() * 255 - 128) / 256);
};

async function run(bytes: Uint8Array, names: string[], x: Float32Array): Promise<Record<string, Float32Array>> {
  const s = await ort.InferenceSession.create(bytes, { graphOptimizationLevel: "all", logSeverityLevel: 3 });
  const out = await s.run({ input: new ort.Tensor("float32", x, [1, 3, S, S]) }, names);
  await s.release();
  return Object.fromEntries(names.map((n) => [n, out[n]!.data as Float32Array]));
}

/** A table read from the float graph itself: each tensor's range on the test input. */
async function measuredRanges(float: Uint8Array): Promise<Record<string, ActivationRange>> {
  const names = quantizedActivations(float);
  const m = onnx.ModelProto.decode(float);
  for (const n of names)
    if (n !== "input" && n !== "output") m.graph!.output!.push(onnx.ValueInfoProto.create({ name: n }));
  const x = input();
  const out = await run(
    onnx.ModelProto.encode(m).finish(),
    names.filter((n) => n !== "input"),
    x,
  );
  const ranges: Record<string, ActivationRange> = {};
  for (const n of names) {
    const d = n === "input" ? x : out[n]!;
    const min = Math.min(0, ...d);
    const max = Math.max(0, ...d);
    ranges[n] = { min, max, typicalMin: min, typicalMax: max };
  }
  return ranges;
}

const ops = (bytes: Uint8Array) => onnx.ModelProto.decode(bytes).graph!.node!.map((n) => n.opType);

describe("quantizeToInt8", () => {
  it("quantizes the blocks, not the logit, and computes the float map to within its 8-bit steps", async () => {
    const float = model();
    expect(quantizedActivations(float)).toEqual(["input", "r1", "r2", "logit"]);
    const ranges = await measuredRanges(float);
    const q = quantizeToInt8(float, ranges);
    // Two convolutions quantized (inputs and outputs wrapped), the third — whose output is the logit — float.
    expect(ops(q).filter((o) => o === "QuantizeLinear")).toHaveLength(3);
    expect(ops(q).filter((o) => o === "DequantizeLinear")).toHaveLength(3 + 2 * 2);
    const x = input();
    const a = (await run(float, ["output"], x)).output!;
    const b = (await run(q, ["output"], x)).output!;
    let maxDiff = 0;
    for (let i = 0; i < a.length; i++) maxDiff = Math.max(maxDiff, Math.abs(a[i]! - b[i]!));
    // The steps: the input is exact at 1/256; r1 and r2 carry half a step of their range / 255 each.
    expect(maxDiff).toBeGreaterThan(0); // it is a different graph…
    expect(maxDiff).toBeLessThan(0.02); // …computing the same map
  });

  it("leaves float a convolution whose range is not stable across photos", async () => {
    const float = model();
    const ranges = await measuredRanges(float);
    // r2 reaches 10× a typical photo's range: the second convolution (r1 → r2) stays float too.
    ranges.r2 = { ...ranges.r2!, typicalMax: ranges.r2!.max / 10 };
    const q = quantizeToInt8(float, ranges);
    expect(ops(q).filter((o) => o === "QuantizeLinear")).toHaveLength(2); // input and r1: the first convolution
    expect(ops(q).filter((o) => o === "DequantizeLinear")).toHaveLength(2 + 2);
  });

  it("refuses a table that does not name every tensor", async () => {
    const float = model();
    const ranges = await measuredRanges(float);
    delete ranges.r1;
    expect(() => quantizeToInt8(float, ranges)).toThrow(/no calibrated range/);
  });

  it("puts zero on a step, and the network's input at its exact 1/256 grid", () => {
    expect(uint8Params({ min: -0.5, max: 0.49609375, typicalMin: -0.5, typicalMax: 0.49609375 })).toEqual({
      scale: 1 / 256,
      zeroPoint: 128,
    });
    const relu = uint8Params({ min: 0, max: 5.1, typicalMin: 0, typicalMax: 5 });
    expect(relu.zeroPoint).toBe(0);
    expect(relu.scale).toBeCloseTo(0.02, 10);
  });
});

describe("int8Recipe", () => {
  it("runs float32 for a model file the table was not measured on", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "loupe-int8-"));
    try {
      const other = path.join(dir, "other.onnx");
      fs.writeFileSync(other, model());
      expect(int8Recipe(other)).toBeNull();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
