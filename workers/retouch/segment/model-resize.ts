// Rewrites the ISNet graph so it runs at a square input other than 1024².
//
// The shipped graphs had every Resize target size constant-folded for a 1024² input: in the fp16
// file as a Constant [h, w] concatenated after Shape→Slice, in the quint8 file as an initializer
// [n, c, h, w]. The network is fully convolutional otherwise, so scaling those spatial constants by
// side/1024 gives a graph whose skip connections line up at the new side (side must be a multiple
// of 64 so every level of the pyramid stays an integer size).
import onnxProto from "onnx-proto";

const { onnx } = onnxProto;
const NATIVE_SIDE = 1024;

function readInt64s(t: onnxProto.onnx.ITensorProto): bigint[] {
  if (t.int64Data && t.int64Data.length) return t.int64Data.map((v) => BigInt(v.toString()));
  const raw = t.rawData ?? new Uint8Array();
  const copy = Uint8Array.from(raw); // raw may be an unaligned view into the file buffer
  return Array.from(new BigInt64Array(copy.buffer, 0, copy.length / 8));
}

function writeInt64s(t: onnxProto.onnx.ITensorProto, values: bigint[]): void {
  t.int64Data = [];
  t.rawData = new Uint8Array(BigInt64Array.from(values).buffer);
}

/** Scales the trailing spatial pair of an int64 tensor in place. */
function scaleSpatial(t: onnxProto.onnx.ITensorProto, side: number, fromIndex: number): void {
  const v = readInt64s(t);
  for (let i = fromIndex; i < v.length; i++) {
    const scaled = (Number(v[i]) * side) / NATIVE_SIDE;
    if (!Number.isInteger(scaled)) throw new Error(`ISNet resize: ${v[i]} does not scale to ${side}`);
    v[i] = BigInt(scaled);
  }
  writeInt64s(t, v);
}

/** Scales the spatial dims of a declared NCHW shape (the input and the side outputs). */
function scaleDeclaredDims(shape: onnxProto.onnx.ITensorShapeProto | null | undefined, side: number): void {
  const dims = shape?.dim ?? [];
  if (dims.length !== 4) return;
  for (const d of [dims[2]!, dims[3]!]) {
    if (d.dimValue != null) d.dimValue = (Number(d.dimValue) * side) / NATIVE_SIDE;
  }
}

/** Returns the model re-targeted to a side×side input, serialized. side 1024 returns the input. */
export function resizeIsnetModel(model: Uint8Array, side: number): Uint8Array {
  if (side === NATIVE_SIDE) return model;
  if (side % 64 !== 0) throw new Error(`ISNet side must be a multiple of 64, got ${side}`);
  const m = onnx.ModelProto.decode(model);
  const g = m.graph!;
  const initializers = new Map((g.initializer ?? []).map((t) => [t.name!, t]));
  const producers = new Map<string, onnxProto.onnx.INodeProto>();
  for (const n of g.node ?? []) for (const o of n.output ?? []) producers.set(o, n);

  const done = new Set<object>();
  for (const n of g.node ?? []) {
    if (n.opType !== "Resize") continue;
    const sizesName = n.input?.[3];
    if (!sizesName) continue;
    const init = initializers.get(sizesName);
    if (init) {
      if (!done.has(init)) scaleSpatial(init, side, 2);
      done.add(init);
      continue;
    }
    const concat = producers.get(sizesName);
    if (concat?.opType !== "Concat") throw new Error(`ISNet resize: unexpected sizes producer for ${n.name}`);
    for (const part of concat.input ?? []) {
      const c = producers.get(part);
      const t = c?.opType === "Constant" ? c.attribute?.find((a) => a.name === "value")?.t : initializers.get(part);
      if (!t || done.has(t)) continue;
      if (readInt64s(t).length === 2) scaleSpatial(t, side, 0);
      done.add(t);
    }
  }
  for (const io of [...(g.input ?? []), ...(g.output ?? [])]) scaleDeclaredDims(io.type?.tensorType?.shape, side);
  // Intermediate value_info shapes were inferred for 1024; drop them rather than lie to the runtime.
  g.valueInfo = [];
  return onnx.ModelProto.encode(m).finish();
}
