import fs from "node:fs";
import onnx from "onnx-proto";
const m = onnx.onnx.ModelProto.decode(fs.readFileSync("models/isnet-fp16.onnx"));
const g = m.graph;
const prod = new Map(); for (const n of g.node) for (const o of n.output) prod.set(o, n);
let k=0;
for (const n of g.node) if (n.opType==="Resize" && k++<3) {
  const c = prod.get(n.input[3]); console.log(n.name, "sizes from", c.opType, c.input);
  for (const i of c.input) { const p = prod.get(i); console.log("  ", i, p?.opType, p?.opType==="Constant" ? JSON.stringify(p.attribute[0].t, (k,v)=> k==="rawData"? Array.from(new BigInt64Array(Uint8Array.from(v).buffer)).map(String):v) : p?.input); }
}
console.log(g.output.map(o=>o.name+JSON.stringify(o.type.tensorType.shape)).slice(0,2));
console.log(g.input.map(o=>o.name+JSON.stringify(o.type.tensorType)));
