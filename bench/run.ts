// npm run bench: every benchmark of the project, one after the other (never alongside tests: they
// share the machine's two cores). Results go to bench-results/ as JSON.
//   npm run bench                      engine (quality on fixtures, per-stage ms and peak RSS at 1/4/12/20 MP),
//                                      guards (4 MP), queue (40 × 4 MP batch vs 40 single runs)
//                                      edits (re-render after brush strokes and a colour pass vs a fresh retouch, 4 MP)
//   npm run bench -- --only engine     one of cutout | engine | guards | queue | edits
//   cutout options: --surfaces sweep,grey,blue,black,white --limit N --reuse-network --no-anchor
//   engine options: --sizes 1,4,12,20 --repeats 2 --sides 640 --no-quality --batch 40
import { mkdirSync, writeFileSync } from "node:fs";
import { runEngineBench } from "./engine";
import { benchGuards } from "./guards";
import { benchQueue } from "./queue";
import { runCutoutBench } from "./cutout/run";
import { runEditsBench } from "./edits";

const only = process.argv.includes("--only") ? process.argv[process.argv.indexOf("--only") + 1] : null;
const want = (name: string) => !only || only === name;
mkdirSync("bench-results", { recursive: true });
const stamp = new Date().toISOString().replace(/[:.]/g, "-");

if (want("cutout")) await runCutoutBench();
if (want("engine")) await runEngineBench();
if (want("guards")) {
  const g = await benchGuards();
  writeFileSync(`bench-results/guards-${stamp}.json`, JSON.stringify(g, null, 2));
  console.log(`guards on 4 MP: ${JSON.stringify(g)}`);
}
if (want("edits")) await runEditsBench();
if (want("queue")) {
  const q = await benchQueue();
  writeFileSync(`bench-results/queue-${stamp}.json`, JSON.stringify(q, null, 2));
  console.log(
    `queue: ${q.images} images in ${q.batchMs} ms vs ${q.singleRunsTotalMs} ms of single runs → ratio ${q.ratio} (budget 1.2)`,
  );
}
process.exit(0);
