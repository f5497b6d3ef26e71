// Runs @imgly/background-removal-node exactly as it ships (default model, PNG out) on a list of
// files and writes each cutout next to the given output names. Run by bench/cutout/anchor.ts with the
// package's install directory as cwd. argv: installDir listFile (lines "input<TAB>output").
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [dir, listFile] = process.argv.slice(2);
const entry = path.join(dir, "node_modules/@imgly/background-removal-node/dist/index.mjs");
const { removeBackground } = await import(pathToFileURL(entry).href);
const lines = fs.readFileSync(listFile, "utf8").split("\n").filter(Boolean);
for (const line of lines) {
  const [input, output] = line.split("\t");
  const t = performance.now();
  const blob = await removeBackground(new Blob([fs.readFileSync(input)], { type: "image/jpeg" }), {
    output: { format: "image/png" },
  });
  fs.mkdirSync(path.dirname(output), { recursive: true });
  fs.writeFileSync(output + ".tmp", Buffer.from(await blob.arrayBuffer()));
  fs.renameSync(output + ".tmp", output);
  console.log(JSON.stringify({ input, ms: Math.round(performance.now() - t) }));
}
