// Quantizes ISNet's convolutions to 8 bits (static, QDQ form) for onnxruntime's integer kernels.
//
// A convolution of the float32 graph (model-fp32.ts, pruned by model-prune.ts) is quantized when both
// its data input and its output (after the ReLU that follows it, when one does) have a *stable* range:
// those tensors are wrapped in QuantizeLinear → DequantizeLinear with a fixed uint8 scale, its weights
// stored as int8 per output channel (symmetric, ±WEIGHT_MAX) and its bias as int32 at input scale ×
// weight scale. onnxruntime folds each such group into one integer convolution (QLinearConv, AVX-512 VNNI / AVX2
// kernels). Everything else (pooling, concatenation, resizing, the other convolutions) runs in float32
// on the dequantized values.
//
// Stable: ISNet's activations do not share one scale across photos. In half of the 52 real photos the
// decoder's activations reach 50–700 where in the other half they stay under 10 (the widest is up to
// 130× a typical photo's 99.99th percentile), so one fixed 8-bit step would either clip them or leave
// the quiet photos 2–3 levels (every convolution quantized at its widest range: the map is noise). A
// tensor is quantized only when its widest value over the calibration photos is at most STABLE_SPREAD ×
// the median photo's widest; the logit the output's sigmoid reads (where the map's ½ crossing is
// decided) is never quantized. The ranges come from running the float32 graph
// on real photos (bench/calibrate-isnet.ts → isnet-activation-ranges.json); a graph whose tensors the
// table does not name is refused (the caller then runs float32).
import onnxProto from "onnx-proto";

const { onnx } = onnxProto;
const { DataType } = onnx.TensorProto;

export interface ActivationRange {
  /** Widest values over the calibration photos. */
  min: number;
  max: number;
  /** The median over the photos of each photo's own min and max. */
  typicalMin: number;
  typicalMax: number;
}

/**
 * Weights use 7 of their 8 bits (±63). x86 cores without VNNI multiply uint8 activations by int8
 * weights in int16 pairs (255 × 127 × 2 overflows them, and the sum saturates); ±63 cannot. It also
 * came out closer to the float32 map here (12 scenes of ../shared/data/cutout-dev: mean |Δp| 0.0038 →
 * 0.0022, largest 0.60 → 0.29) at the same speed.
 */
export const WEIGHT_MAX = 63;

/**
 * How much wider than a typical photo's a tensor's widest range may be for it to be quantized. At 5,
 * 70 of the graph's 114 convolutions are: the 1024² pass takes ~0.75× the float32 one (interleaved
 * runs, 1.3–1.4 s against 1.8–1.9 s on this 2-core machine).
 */
export const STABLE_SPREAD = 5;

function stable(r: ActivationRange): boolean {
  return r.max <= STABLE_SPREAD * Math.max(0, r.typicalMax) && r.min >= STABLE_SPREAD * Math.min(0, r.typicalMin);
}

/**
 * The float tensors quantizeToInt8 quantizes, in graph order: each convolution's data input, and
 * its output — the following ReLU's output when the convolution feeds a ReLU alone.
 */
export function quantizedActivations(model: Uint8Array): string[] {
  const g = onnx.ModelProto.decode(model).graph!;
  return [...new Set(convolutions(g.node ?? []).flatMap((c) => [c.input, c.output]))];
}

/** Each convolution with the tensor it reads and the one quantization would follow it with. */
function convolutions(
  nodes: onnxProto.onnx.INodeProto[],
): { node: onnxProto.onnx.INodeProto; input: string; output: string }[] {
  const readers = new Map<string, onnxProto.onnx.INodeProto[]>();
  for (const n of nodes) for (const i of n.input ?? []) readers.set(i, [...(readers.get(i) ?? []), n]);
  return nodes
    .filter((n) => n.opType === "Conv")
    .map((n) => {
      const r = readers.get(n.output![0]!) ?? [];
      return {
        node: n,
        input: n.input![0]!,
        output: r.length === 1 && r[0]!.opType === "Relu" ? r[0]!.output![0]! : n.output![0]!,
      };
    });
}

/** Tensors from which a graph output is reached through no convolution (the final logit and after). */
function outputTail(nodes: onnxProto.onnx.INodeProto[], outputs: string[]): Set<string> {
  const producer = new Map<string, onnxProto.onnx.INodeProto>();
  for (const n of nodes) for (const o of n.output ?? []) producer.set(o, n);
  const tail = new Set<string>();
  const pending = [...outputs];
  while (pending.length) {
    const t = pending.pop()!;
    if (tail.has(t)) continue;
    tail.add(t);
    const p = producer.get(t);
    if (p && p.opType !== "Conv") pending.push(...(p.input ?? []));
  }
  return tail;
}

function floats(t: onnxProto.onnx.ITensorProto): Float32Array {
  if (t.floatData && t.floatData.length) return Float32Array.from(t.floatData);
  const raw = Uint8Array.from(t.rawData ?? []); // raw may be an unaligned view into the file buffer
  return new Float32Array(raw.buffer, 0, raw.length / 4);
}

function initializer(
  name: string,
  dataType: number,
  dims: number[],
  data: ArrayBufferView,
): onnxProto.onnx.ITensorProto {
  return onnx.TensorProto.create({
    name,
    dataType,
    dims,
    rawData: new Uint8Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength)),
  });
}

const axis0 = () => [onnx.AttributeProto.create({ name: "axis", type: onnx.AttributeProto.AttributeType.INT, i: 0 })];

/** uint8 affine parameters covering [min, max] ∪ {0} (zero must be exact: padding and ReLU give it). */
export function uint8Params(r: ActivationRange): { scale: number; zeroPoint: number } {
  const lo = Math.min(0, r.min);
  const hi = Math.max(0, r.max);
  const scale = hi > lo ? (hi - lo) / 255 : 1;
  return { scale, zeroPoint: Math.min(255, Math.max(0, Math.round(-lo / scale))) };
}

/** The graph with its stable-range convolutions quantized (see the file's header). Throws when a range is missing. */
export function quantizeToInt8(model: Uint8Array, ranges: Record<string, ActivationRange>): Uint8Array {
  const m = onnx.ModelProto.decode(model);
  const g = m.graph!;
  const nodes = g.node ?? [];
  const inits = new Map((g.initializer ?? []).map((t) => [t.name!, t]));
  const all = convolutions(nodes);
  const missing = [...new Set(all.flatMap((c) => [c.input, c.output]))].filter((a) => !ranges[a]);
  if (missing.length) throw new Error(`ISNet int8: no calibrated range for ${missing.length} tensors (${missing[0]}…)`);
  const tail = outputTail(
    nodes,
    (g.output ?? []).map((o) => o.name!),
  );
  const ok = (t: string) => stable(ranges[t]!) && !tail.has(t);
  const chosen = all.filter((c) => ok(c.input) && ok(c.output));
  const acts = [...new Set(chosen.flatMap((c) => [c.input, c.output]))];

  const added: onnxProto.onnx.ITensorProto[] = [];
  const after = new Map<string, onnxProto.onnx.INodeProto[]>(); // Q/DQ pairs, placed after their tensor's producer
  const dq = new Map<string, { name: string; scale: number }>();
  acts.forEach((t, k) => {
    const { scale, zeroPoint } = uint8Params(ranges[t]!);
    added.push(
      initializer(`loupe_q${k}_scale`, DataType.FLOAT, [], Float32Array.of(scale)),
      initializer(`loupe_q${k}_zero`, DataType.UINT8, [], Uint8Array.of(zeroPoint)),
    );
    const params = [`loupe_q${k}_scale`, `loupe_q${k}_zero`];
    after.set(t, [
      onnx.NodeProto.create({
        opType: "QuantizeLinear",
        name: `loupe_q${k}`,
        input: [t, ...params],
        output: [`${t}/q`],
      }),
      onnx.NodeProto.create({
        opType: "DequantizeLinear",
        name: `loupe_dq${k}`,
        input: [`${t}/q`, ...params],
        output: [`${t}/dq`],
      }),
    ]);
    dq.set(t, { name: `${t}/dq`, scale });
  });
  // Every reader of a quantized tensor reads its dequantized copy: the producer (a ReLU) then feeds the
  // QuantizeLinear alone, which onnxruntime needs to fold it into the integer convolution.
  for (const n of nodes) n.input = (n.input ?? []).map((i) => dq.get(i)?.name ?? i);
  if ((g.output ?? []).some((o) => dq.has(o.name!))) throw new Error("ISNet int8: an output would be quantized");

  // A constant stored quantized per output channel (axis 0): its initializers, and the node that
  // dequantizes it into `${name}/dq`.
  const perChannel = (
    name: string,
    dataType: number,
    dims: number[],
    values: Int8Array | Int32Array,
    scales: Float32Array,
    zeros: Int8Array | Int32Array,
    node: string,
  ): onnxProto.onnx.INodeProto => {
    added.push(
      initializer(name, dataType, dims, values),
      initializer(`${name}_scale`, DataType.FLOAT, [scales.length], scales),
      initializer(`${name}_zero`, dataType, [zeros.length], zeros),
    );
    return onnx.NodeProto.create({
      opType: "DequantizeLinear",
      name: node,
      input: [name, `${name}_scale`, `${name}_zero`],
      output: [`${name}/dq`],
      attribute: axis0(),
    });
  };
  const before = new Map<onnxProto.onnx.INodeProto, onnxProto.onnx.INodeProto[]>();
  chosen.forEach(({ node: conv, input }, k) => {
    const x = dq.get(input);
    const w = inits.get(conv.input![1]!);
    if (!x || !w) throw new Error(`ISNet int8: convolution ${conv.name} has no quantized input or no weights`);
    const wf = floats(w);
    const co = Number(w.dims![0]);
    const per = wf.length / co;
    const ws = new Float32Array(co);
    const wq = new Int8Array(wf.length);
    for (let o = 0; o < co; o++) {
      let mx = 0;
      for (let i = 0; i < per; i++) mx = Math.max(mx, Math.abs(wf[o * per + i]!));
      ws[o] = mx > 0 ? mx / WEIGHT_MAX : 1;
      for (let i = 0; i < per; i++) wq[o * per + i] = Math.round(wf[o * per + i]! / ws[o]!);
    }
    const dims = w.dims!.map(Number);
    const pre = [perChannel(`loupe_w${k}`, DataType.INT8, dims, wq, ws, new Int8Array(co), `loupe_dqw${k}`)];
    conv.input![1] = `loupe_w${k}/dq`;
    const b = conv.input![2] ? inits.get(conv.input![2]) : undefined;
    if (b) {
      const bf = floats(b);
      const bs = new Float32Array(co);
      const bq = new Int32Array(co);
      for (let o = 0; o < co; o++) {
        bs[o] = x.scale * ws[o]!;
        bq[o] = Math.round(bf[o]! / bs[o]!);
      }
      pre.push(perChannel(`loupe_b${k}`, DataType.INT32, [co], bq, bs, new Int32Array(co), `loupe_dqb${k}`));
      conv.input![2] = `loupe_b${k}/dq`;
    }
    before.set(conv, pre);
  });

  // Topological order: a tensor's Q/DQ right after its producer (or first, for a graph input), a
  // convolution's weight and bias DQ right before it.
  const produced = new Set(nodes.flatMap((n) => n.output ?? []));
  const ordered: onnxProto.onnx.INodeProto[] = [];
  for (const [t, pair] of after) if (!produced.has(t)) ordered.push(...pair);
  for (const n of nodes) {
    ordered.push(...(before.get(n) ?? []), n);
    for (const o of n.output ?? []) ordered.push(...(after.get(o) ?? []));
  }
  g.node = ordered;
  const read = new Set(ordered.flatMap((n) => n.input ?? []));
  g.initializer = [...(g.initializer ?? []).filter((t) => read.has(t.name!)), ...added];
  return onnx.ModelProto.encode(m).finish();
}
