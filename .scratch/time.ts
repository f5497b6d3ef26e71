import fs from "node:fs";
import * as ort from "onnxruntime-node";
import { resizeIsnetModel } from "../workers/retouch/segment/model-resize";
const [file, sideS, thr] = process.argv.slice(2);
const side = Number(sideS);
let t0 = performance.now();
const buf = resizeIsnetModel(fs.readFileSync(file), side);
const tSurg = performance.now() - t0; t0 = performance.now();
const s = await ort.InferenceSession.create(buf, { intraOpNumThreads: Number(thr), graphOptimizationLevel: "all", logSeverityLevel: 3, enableCpuMemArena: process.env.ARENA !== "0" });
const tLoad = performance.now() - t0;
const x = new Float32Array(3 * side * side).fill(0.1);
const times = [];
for (let i = 0; i < 2; i++) { t0 = performance.now(); const r = await s.run({ input: new ort.Tensor("float32", x, [1, 3, side, side]) }, ["output"]); times.push(performance.now() - t0); if (i===0) console.log("out dims", r.output.dims.join("x")); }
console.log(file, side, "thr", thr, "surgery", tSurg.toFixed(0), "load", tLoad.toFixed(0), "runs", times.map(t=>t.toFixed(0)).join(","), "rss", (process.memoryUsage().rss/1e6).toFixed(0));
