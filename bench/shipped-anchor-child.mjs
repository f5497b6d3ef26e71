// Times @imgly/background-removal-node exactly as it ships (default "medium" = ISNet fp16, PNG out)
// on one file. Run by bench/shipped-anchor.ts with the package's own install directory as argv[2].
// argv: installDir file repeats. Prints one JSON line.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [dir, file, repeatsArg = "2"] = process.argv.slice(2);
const entry = path.join(dir, "node_modules/@imgly/background-removal-node/dist/index.mjs");
const { removeBackground } = await import(pathToFileURL(entry).href);
const bytes = fs.readFileSync(file);
const walls = [];
for (let i = 0; i < Number(repeatsArg) + 1; i++) {
  const t = performance.now();
  const out = await removeBackground(new Blob([bytes], { type: "image/jpeg" }), { output: { format: "image/png" } });
  await out.arrayBuffer();
  walls.push(performance.now() - t);
}
const steady = walls.slice(1).sort((a, b) => a - b);
console.log(
  JSON.stringify({
    coldWall: Math.round(walls[0]),
    median: { wall: Math.round(steady[Math.floor(steady.length / 2)]) },
    maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
