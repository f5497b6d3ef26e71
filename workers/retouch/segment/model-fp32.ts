// Widens the shipped half-precision ISNet graph to single precision.
//
// The fp16 file stores its weights as float16 and casts the float32 input down to float16 on entry.
// onnxruntime's CPU provider has no float16 kernels for most of these ops on x86, so it wraps them
// in casts back to float32 and skips its blocked-layout (NCHWc) convolution rewrite. Widening the
// initializers and the casts once at load gives the same network in float32 (weights are exactly
// representable; only the activations gain precision) and runs faster: on this 2-core machine
// 640² went from ~585 ms to ~505 ms a pass, 1024² from ~1.56 s to ~1.38 s
// (bench: `npm run bench -- --only engine`, stage "segment"). The cost is ~90 MB more RAM.
import onnxProto from "onnx-proto";

const { onnx } = onnxProto;
const FLOAT = 1;
const FLOAT16 = 10;

/**
 * IEEE 754 binary16 bit pattern → number. Written out because Float16Array only arrived in Node 24
 * and the engine supports Node 22.
 */
export function halfToFloat(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exp = (h >> 10) & 0x1f;
  const frac = h & 0x3ff;
  if (exp === 0) return sign * frac * 2 ** -24; // subnormal
  if (exp === 0x1f) return frac ? NaN : sign * Infinity;
  return sign * (1 + frac / 1024) * 2 ** (exp - 15);
}

let table: Float32Array | null = null;

function widen(t: onnxProto.onnx.ITensorProto): void {
  if (t.dataType !== FLOAT16) return;
  if (!table) {
    table = new Float32Array(65536);
    for (let h = 0; h < 65536; h++) table[h] = halfToFloat(h);
  }
  let bits: Uint16Array;
  if (t.rawData && t.rawData.length) {
    const copy = Uint8Array.from(t.rawData); // may be an unaligned view into the file buffer
    bits = new Uint16Array(copy.buffer, 0, copy.length / 2);
  } else {
    // Without raw data, float16 values are stored as their bit patterns in int32Data.
    bits = Uint16Array.from((t.int32Data ?? []).map(Number));
  }
  const out = new Float32Array(bits.length);
  for (let i = 0; i < bits.length; i++) out[i] = table[bits[i]!]!;
  t.rawData = new Uint8Array(out.buffer);
  t.int32Data = [];
  t.dataType = FLOAT;
}

/** Returns the graph with every float16 tensor, cast and declared type widened to float32. */
export function widenToFloat32(model: Uint8Array): Uint8Array {
  const m = onnx.ModelProto.decode(model);
  const g = m.graph!;
  let changed = false;
  for (const t of g.initializer ?? []) {
    changed ||= t.dataType === FLOAT16;
    widen(t);
  }
  for (const n of g.node ?? []) {
    for (const a of n.attribute ?? []) {
      if (n.opType === "Cast" && a.name === "to" && Number(a.i) === FLOAT16) {
        a.i = FLOAT;
        changed = true;
      }
      if (a.t?.dataType === FLOAT16) {
        widen(a.t);
        changed = true;
      }
    }
  }
  if (!changed) return model;
  for (const io of [...(g.input ?? []), ...(g.output ?? [])])
    if (io.type?.tensorType?.elemType === FLOAT16) io.type.tensorType.elemType = FLOAT;
  g.valueInfo = [];
  return onnx.ModelProto.encode(m).finish();
}
