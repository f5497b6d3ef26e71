// npm run retouch -- FILE... --out DIR [--background '#ffffff'] [--size 2048] [--shadow soft|none]
//                                       [--shadow-strength 0.5] [--upscale]
//                                       [--format jpg|png|webp|tiff|psd] [--margin 0.08]
// --size is the largest side delivered: a photo whose piece has fewer pixels gives a smaller image
// unless --upscale is given.
// The files given share one exposure/white-balance target (backdrop/batch-target.ts), as a batch does.
// Writes DIR/NAME.cutout.png, DIR/NAME.<format> and DIR/report.json. One bad file fails alone; the
// exit code is non-zero if any failed.
import fs from "node:fs";
import path from "node:path";
import { EnginePool, RetouchInputError, batchTarget } from "./retouch/index";
import { CLI_USAGE, CliUsageError, parseCliArgs, type CliArgs } from "./cli-args";

function usage(msg?: string): never {
  if (msg) console.error(`error: ${msg}`);
  console.error(`usage: npm run retouch -- ${CLI_USAGE}`);
  process.exit(2);
}

function args(): CliArgs {
  try {
    return parseCliArgs(process.argv.slice(2));
  } catch (e) {
    if (e instanceof CliUsageError || e instanceof RetouchInputError) usage(e.message);
    throw e;
  }
}

function progress(done: number, total: number, failed: number): void {
  if (!process.stderr.isTTY && done !== total) return;
  const width = 30;
  const fill = Math.round((done / total) * width);
  process.stderr.write(
    `\r[${"#".repeat(fill)}${"-".repeat(width - fill)}] ${done}/${total}${failed ? ` (${failed} failed)` : ""}${done === total ? "\n" : ""}`,
  );
}

async function main(): Promise<void> {
  const { files, out, settings } = args();
  fs.mkdirSync(out, { recursive: true });
  // The files given are one batch: they share one exposure/white-balance target, as in the worker.
  const target = files.length > 1 ? await batchTarget(files.map((f) => async () => fs.readFileSync(f))) : undefined;
  if (target) settings.target = target;
  const pool = new EnginePool();
  const report: Record<string, unknown> = {};
  let done = 0;
  let failed = 0;
  progress(0, files.length, 0);
  const used = new Set<string>();
  await Promise.all(
    files.map(async (file) => {
      let name = path.basename(file).replace(/\.[^.]+$/, "");
      while (used.has(name)) name += "_";
      used.add(name);
      try {
        const input = fs.readFileSync(file);
        const o = await pool.retouch(input, settings);
        fs.writeFileSync(path.join(out, `${name}.cutout.png`), o.cutoutPng);
        fs.writeFileSync(path.join(out, `${name}.${o.compositeExt}`), o.composite);
        report[file] = {
          ok: true,
          outputs: { cutout: `${name}.cutout.png`, composite: `${name}.${o.compositeExt}` },
          batchTarget: target ?? null,
          ...o.report,
        };
      } catch (e) {
        failed++;
        const err =
          e instanceof RetouchInputError
            ? { code: e.code, message: e.message }
            : { code: "INTERNAL", message: e instanceof Error ? e.message : String(e) };
        report[file] = { ok: false, error: err };
        if (!process.stderr.isTTY) console.error(`${file}: ${err.code}: ${err.message}`);
      }
      progress(++done, files.length, failed);
    }),
  );
  await pool.close();
  const ordered = Object.fromEntries(files.map((f) => [f, report[f]]));
  fs.writeFileSync(path.join(out, "report.json"), JSON.stringify(ordered, null, 2));
  if (failed) {
    console.error(`${failed} of ${files.length} file(s) failed; see ${path.join(out, "report.json")}`);
    process.exitCode = 1;
  }
}

await main();
