// Cuts the ISNet graph down to the one output Loupe reads.
//
// The shipped graph declares twelve outputs: the fused map ("output"), the five deeper side maps,
// each upsampled to the full input side and put through a sigmoid, and six encoder feature maps (the
// largest 64×512×512, 64 MB). onnxruntime runs every node of the graph whatever the caller fetches
// and keeps each declared output alive to the end of the pass, so those maps cost time and memory
// for nothing. Dropping the unread outputs and every node only they need gives the same fused map
// (bit-identical on the real photos) and, at 1024² on this 2-core machine, a pass ~0.9× as long
// (ten interleaved pairs, median ratio 0.91) with ~30 MB less peak RSS.
import onnxProto from "onnx-proto";

const { onnx } = onnxProto;

/** The output isnetProbability reads. */
export const FUSED_OUTPUT = "output";

/** Returns the graph keeping only `keep` among its outputs, without the nodes and weights nothing else reads. */
export function pruneToOutput(model: Uint8Array, keep: string = FUSED_OUTPUT): Uint8Array {
  const m = onnx.ModelProto.decode(model);
  const g = m.graph!;
  const outputs = g.output ?? [];
  if (!outputs.some((o) => o.name === keep)) throw new Error(`ISNet graph has no output "${keep}"`);
  if (outputs.length === 1) return model;
  const nodes = g.node ?? [];
  const producer = new Map<string, number>();
  nodes.forEach((n, i) => (n.output ?? []).forEach((o) => producer.set(o, i)));
  // Walk back from the kept output: a node stays if something kept reads one of its outputs.
  const needed = new Set<number>();
  const pending = [keep];
  while (pending.length) {
    const i = producer.get(pending.pop()!);
    if (i === undefined || needed.has(i)) continue;
    needed.add(i);
    pending.push(...(nodes[i]!.input ?? []));
  }
  g.output = outputs.filter((o) => o.name === keep);
  g.node = nodes.filter((_, i) => needed.has(i));
  const read = new Set(g.node.flatMap((n) => n.input ?? []));
  g.initializer = (g.initializer ?? []).filter((t) => read.has(t.name ?? ""));
  g.valueInfo = (g.valueInfo ?? []).filter((v) => read.has(v.name ?? ""));
  return onnx.ModelProto.encode(m).finish();
}
