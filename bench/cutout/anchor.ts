// The shipped anchor's cutouts of the dev set, made once and kept in the git-ignored
// .cache/cutout-dev/anchor/ (the package is deterministic for a given input file): runs
// @imgly/background-removal-node as it ships, in its own process (bench/shipped-anchor.ts installs
// it), on the scenes that have no cutout yet.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ensureShippedAnchor } from "../shipped-anchor";

const root = path.resolve(import.meta.dirname, "..", "..");
export const ANCHOR_CACHE = path.join(root, ".cache", "cutout-dev", "anchor");
const installDir = path.join(root, ".tools", "imgly-anchor");

export function anchorCutoutPath(name: string, surface: string): string {
  return path.join(ANCHOR_CACHE, `${name}.${surface}.png`);
}

/** Makes the missing anchor cutouts. Returns null when all exist, or why some could not be made. */
export function ensureAnchorCutouts(jobs: { input: string; name: string; surface: string }[]): string | null {
  const missing = jobs.filter((j) => !fs.existsSync(anchorCutoutPath(j.name, j.surface)));
  if (!missing.length) return null;
  const why = ensureShippedAnchor();
  if (why) return why;
  const list = path.join(os.tmpdir(), `loupe-anchor-list-${process.pid}.tsv`);
  fs.writeFileSync(list, missing.map((j) => `${j.input}\t${anchorCutoutPath(j.name, j.surface)}`).join("\n") + "\n");
  console.error(`anchor: cutting ${missing.length} scenes with the shipped package (about 5 s each) …`);
  try {
    execFileSync(process.execPath, [path.join(import.meta.dirname, "anchor-batch-child.mjs"), installDir, list], {
      cwd: installDir,
      stdio: ["ignore", "ignore", "inherit"],
    });
    return null;
  } catch (e) {
    return `the package failed: ${(e as Error).message.split("\n")[0]}`;
  } finally {
    fs.rmSync(list, { force: true });
  }
}
