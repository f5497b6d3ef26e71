// Re-render after edits vs a fresh retouch, on the engine bench's 4 MP photo with the real network:
// the edited run carries brush strokes of every kind (erase, restore, refine: 12 strokes, 2400 points,
// radius 30 px) and a colour pass. Budget: re-render ≤ 1.5 × fresh. Runs alternate so drift hits
// both alike; the first run (session load) is left out. Writes bench-results/edits-<time>.json.
//   npm run bench -- --only edits [--mp 4] [--repeats 3]
import fs from "node:fs";
import path from "node:path";
import { benchJpeg } from "./bench-input";
import { runPipeline } from "../workers/retouch/pipeline";
import { segmenterFor } from "../workers/retouch/segment/segmenter";
import { modelPathFromEnv } from "../workers/retouch/segment/isnet";
import { decodeInput } from "../workers/retouch/decode";
import type { EditList, MaskStroke } from "../workers/retouch/edits/types";

export const REDRAW_BUDGET = 1.5;

function arg(name: string, def: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? def) : def;
}

/** Wavy strokes across the middle of the frame, cycling through the three brushes. */
export function benchEdits(W: number, H: number): EditList {
  const ops = ["erase", "restore", "refine"] as const;
  const mask: MaskStroke[] = Array.from({ length: 12 }, (_, k) => ({
    op: ops[k % 3]!,
    radius: 30,
    hardness: 0.7,
    points: Array.from({ length: 200 }, (_, i): [number, number] => [
      W * (0.2 + (0.6 * i) / 199),
      H * (0.25 + 0.04 * k) + 20 * Math.sin(i / 9),
    ]),
  }));
  return { mask, color: { exposure: 0.5, temperature: -12, tint: 4 } };
}

export async function runEditsBench(): Promise<{ freshMs: number; editedMs: number; ratio: number; budget: number }> {
  const mp = Number(arg("mp", "4"));
  const repeats = Math.max(1, Number(arg("repeats", "3")));
  const buf = await benchJpeg(mp);
  const { image } = await decodeInput(buf);
  const edits = benchEdits(image.width, image.height);
  const segment = segmenterFor(modelPathFromEnv());
  await runPipeline(buf, { size: 2048 }, segment); // session load
  const fresh: number[] = [];
  const edited: number[] = [];
  const editStages: number[] = [];
  for (let i = 0; i < repeats; i++) {
    let t = performance.now();
    await runPipeline(buf, { size: 2048 }, segment);
    fresh.push(performance.now() - t);
    t = performance.now();
    const r = await runPipeline(buf, { size: 2048, edits }, segment);
    edited.push(performance.now() - t);
    editStages.push(r.output.report.manual?.pixelsTouched ?? 0);
  }
  const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const out = {
    date: new Date().toISOString(),
    photo: { width: image.width, height: image.height, megapixels: +((image.width * image.height) / 1e6).toFixed(2) },
    strokes: edits.mask.length,
    points: edits.mask.reduce((n, s) => n + s.points.length, 0),
    pixelsTouched: editStages[0],
    freshMs: Math.round(median(fresh)),
    editedMs: Math.round(median(edited)),
    runs: { fresh: fresh.map(Math.round), edited: edited.map(Math.round) },
    ratio: +(median(edited) / median(fresh)).toFixed(3),
    budget: REDRAW_BUDGET,
  };
  fs.mkdirSync("bench-results", { recursive: true });
  const file = path.join("bench-results", `edits-${out.date.replace(/[:.]/g, "-")}.json`);
  fs.writeFileSync(file, JSON.stringify(out, null, 2));
  console.log(
    `edits: re-render ${out.editedMs} ms vs fresh ${out.freshMs} ms on ${out.photo.megapixels} MP → ratio ${out.ratio} (budget ${REDRAW_BUDGET}); wrote ${file}`,
  );
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) await runEditsBench();
