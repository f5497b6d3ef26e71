import fs from "node:fs";
import onnx from "onnx-proto";
const buf = fs.readFileSync("models/isnet-fp16.onnx");
const m = onnx.onnx.ModelProto.decode(buf);
const g = m.graph;
const inits = new Map(g.initializer.map(t => [t.name, t]));
const ops = {};
for (const n of g.node) ops[n.opType] = (ops[n.opType]||0)+1;
console.log(ops);
let i=0;
for (const n of g.node) if (n.opType==="Resize") { 
  const desc = n.input.map(x => { const t = inits.get(x); if(!t) return x+"(dyn)"; const d = t.int64Data?.length ? t.int64Data.map(String) : t.floatData?.length ? t.floatData : (t.rawData?.length ? Array.from(t.dataType===7? new BigInt64Array(Uint8Array.from(t.rawData).buffer): new Float32Array(Uint8Array.from(t.rawData).buffer)).map(String):[]); return x+"="+JSON.stringify(d)});
  if (i++<45) console.log(n.name, desc.join(" | "), n.attribute.map(a=>a.name+":"+(a.s?Buffer.from(a.s).toString():a.i)).join(","));
}
console.log(g.input.map(x=>JSON.stringify(x.type.tensorType.shape)));
const consts = g.node.filter(n=>n.opType==="Constant").length; console.log("const nodes", consts);
