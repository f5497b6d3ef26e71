import fs from "node:fs";
import { EnginePool } from "../workers/retouch/index";
const pool = new EnginePool();
for (const f of process.argv.slice(2)) {
  const t = performance.now();
  try {
    const o = await pool.retouch(fs.readFileSync(f), { shadow: "soft" });
    const name = f.split("/").pop()!.replace(/\.\w+$/, "");
    fs.writeFileSync(`/tmp/wt/${name}.cut.png`, o.cutoutPng); fs.writeFileSync(`/tmp/wt/${name}.out.jpg`, o.composite);
    console.log(f, (performance.now() - t).toFixed(0), JSON.stringify(o.report.timings), JSON.stringify(o.report.gains), o.report.backdrop.kind, o.report.edits.length, o.report.warnings.map(w=>w.code).join(","));
  } catch (e: any) { console.log(f, "ERR", e.code, e.message); }
}
await pool.close();
