// Engine bench: fixture quality vs the anchor, per-stage times and peak RSS at 1/4/12/20 MP (each
// in its own process); in the same run the anchor as it ships (@imgly/background-removal-node, see
// shipped-anchor.ts), the anchor's work re-implemented lean, and a bare ISNet 1024² pass; optionally
// a 4 MP batch through EnginePool. Writes bench-results/engine-<time>.json.
//   npm run bench -- [--sizes 1,4,12,20] [--repeats 2] [--sides 640,1024] [--batch 40] [--no-quality] [--no-shipped]
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { fixtureQuality } from "./quality";
import { EnginePool } from "../workers/retouch/index";
import { makeFixture } from "../tests/fixtures/jewelry";
import { benchJpeg } from "./bench-input";
import { timeShippedAnchor } from "./shipped-anchor";

function arg(name: string, def: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? def) : def;
}

function child(mode: string, mp: number, repeats: number, env: Record<string, string> = {}): Record<string, unknown> {
  const out = execFileSync(
    process.execPath,
    ["--import", "tsx", path.join(import.meta.dirname, "engine-child.ts"), mode, String(mp), String(repeats)],
    {
      env: { ...process.env, ...env },
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  return JSON.parse(out.trim().split("\n").pop()!);
}

async function batch(n: number): Promise<Record<string, number>> {
  const f = makeFixture({ size: 900, layout: "pendant", dust: 6, seed: 7 });
  const jpg = await sharp(f.image.data, { raw: { width: 900, height: 900, channels: 3 } })
    .resize(2449, 1633, { fit: "fill" })
    .jpeg({ quality: 92 })
    .toBuffer();
  const pool = new EnginePool();
  const t = performance.now();
  await Promise.all(Array.from({ length: n }, () => pool.retouch(jpg)));
  const wall = performance.now() - t;
  await pool.close();
  return { images: n, wallMs: Math.round(wall), perImageMs: Math.round(wall / n) };
}

export async function runEngineBench(): Promise<string> {
  const sizes = arg("sizes", "1,4,12,20").split(",").map(Number);
  const repeats = Math.max(1, Number(arg("repeats", "2")));
  const sides = arg("sides", "640").split(",").map(Number);
  const result: Record<string, unknown> = {
    date: new Date().toISOString(),
    node: process.version,
    model: process.env.LOUPE_MODEL || "models/isnet-fp16.onnx",
  };

  if (!process.argv.includes("--no-quality")) {
    console.error(`quality on fixtures (sides ${sides.join(",")}) …`);
    const q = await fixtureQuality(sides);
    result.quality = q;
    for (const [k, v] of Object.entries(q))
      console.error(
        `  ${k.padEnd(12)} IoU ${v.iou.toFixed(4)}  MAE ${v.mae.toFixed(4)}  BF ${v.boundaryF.toFixed(4)}  edge ${v.edgeError.toFixed(4)}  bleed ${v.bleed.toFixed(4)} (non-white ${v.bleedNonWhite.toFixed(4)})`,
      );
  }

  const speed: Record<string, unknown>[] = [];
  for (const mp of sizes) {
    // Alternate ours / anchors / bare network so machine drift hits all of them alike.
    const ours = child("ours", mp, repeats);
    const shipped = process.argv.includes("--no-shipped")
      ? { error: "skipped (--no-shipped)" }
      : timeShippedAnchor(await benchJpeg(mp), repeats);
    const anchor = child("anchor", mp, repeats);
    const isnet = child("isnet", mp, repeats, { LOUPE_ISNET_SIDE: "1024" });
    const o = (ours.median as Record<string, number>).wall!;
    const a = (anchor.median as Record<string, number>).wall!;
    const n = (isnet.median as Record<string, number>).segment!;
    const sh = "error" in shipped ? null : shipped.median.wall;
    const row = {
      mp,
      ours,
      shippedAnchor: shipped,
      leanAnchor: anchor,
      isnet1024: isnet,
      ratioToShippedAnchor: sh ? +(o / sh).toFixed(3) : null,
      ratioToLeanAnchor: +(o / a).toFixed(3),
      ratioToIsnet: +(o / n).toFixed(3),
    };
    speed.push(row);
    console.error(
      `  ${mp} MP: ours ${o} ms (rss ${ours.maxRssMB} MB) ${JSON.stringify(ours.median)}\n` +
        `         shipped anchor ${sh ?? (shipped as { error: string }).error} ms | lean anchor ${a} ms | bare ISNet 1024² ${n} ms\n` +
        `         ours/shipped ${row.ratioToShippedAnchor} | ours/lean ${row.ratioToLeanAnchor} | ours/ISNet ${row.ratioToIsnet}`,
    );
  }
  result.speed = speed;

  const nBatch = Number(arg("batch", "0"));
  if (nBatch > 0) {
    console.error(`batch of ${nBatch} × 4 MP through EnginePool …`);
    result.batch = await batch(nBatch);
    console.error(`  ${JSON.stringify(result.batch)}`);
  }

  fs.mkdirSync("bench-results", { recursive: true });
  const file = path.join("bench-results", `engine-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  fs.writeFileSync(file, JSON.stringify(result, null, 2));
  console.error(`wrote ${file}`);
  return file;
}

if (import.meta.url === `file://${process.argv[1]}`) await runEngineBench();
