// Precision / recall of warnings on the labelled real photos (tests/fixtures/guards/real/labels.json,
// and the second, blind judgment labels-blind.json).
//   npm run retouch -- ../shared/photos/*.jpg --out /tmp/g15 --size 1024
//   bash scripts/with-node.sh tsx bench/guards-labels.ts /tmp/g15 [--check]
// Scores the engine's own warnings from DIR/report.json; with --check also runs `npm run check`'s
// path (checkPair: registration onto the original, estimated matte) on each original/composite pair.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { checkPair } from "../workers/retouch/guards";
import type { Warning } from "../workers/retouch/types";
import { decodeFile } from "../workers/retouch/decode";
import { PHOTO_DIR } from "../tests/fixtures/guards/photo-dir";
import { BLIND_LABELS, formatScore, loadLabels, scoreWarnings } from "../tests/fixtures/guards/real/score";

const dir = process.argv[2] ?? "/tmp/g15";
const labels = loadLabels();
const blind = loadLabels(BLIND_LABELS);
const report = JSON.parse(readFileSync(path.join(dir, "report.json"), "utf8")) as Record<
  string,
  { ok: boolean; warnings?: Warning[]; outputs?: { composite: string } }
>;
const engine = new Map<string, string[]>();
for (const [src, r] of Object.entries(report))
  if (r.ok)
    engine.set(
      path.basename(src),
      (r.warnings ?? []).filter((w) => w.severity === "warning").map((w) => w.code),
    );
console.log(formatScore("engine warnings", scoreWarnings(labels, engine)));
console.log(formatScore("engine warnings, blind second judgment", scoreWarnings(blind, engine)));

if (process.argv.includes("--check")) {
  const check = new Map<string, string[]>();
  let notes = 0;
  for (const [src, r] of Object.entries(report)) {
    const file = path.basename(src);
    const orig = path.join(PHOTO_DIR, file);
    if (!r.ok || !r.outputs || !existsSync(orig)) continue;
    const res = checkPair(await decodeFile(orig), await decodeFile(path.join(dir, r.outputs.composite)));
    check.set(
      file,
      res.warnings.filter((w) => w.severity === "warning").map((w) => w.code),
    );
    notes += res.warnings.filter((w) => w.severity === "note").length;
    console.log(
      `  ${file}: ${res.warnings.map((w) => `${w.code}/${w.severity}=${w.value}`).join(", ") || "-"} [${res.registration.applied ? `registered ×${(1 / res.registration.scale).toFixed(2)} IoU ${res.registration.iou.toFixed(2)}` : "same geometry"}]`,
    );
  }
  console.log(formatScore(`check on the composites (${notes} notes besides)`, scoreWarnings(labels, check)));
  console.log(formatScore("check on the composites, blind second judgment", scoreWarnings(blind, check)));
}
