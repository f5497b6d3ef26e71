// The project's shared measurement data lives next to the repo (../shared), read in place and never
// copied in. Tests that need it find it relative to the repo root; when it is missing they skip on a
// developer's machine but fail loudly in CI (CI=true), where a missing folder means the suite would
// silently measure nothing.
import fs from "node:fs";
import path from "node:path";

const repoRoot = path.resolve(import.meta.dirname, "..", "..");

/** `../shared/<sub>` next to the repo, whether or not it exists. */
export function sharedLocation(sub: string): string {
  return path.resolve(repoRoot, "..", "shared", sub);
}

/** Absolute path of `../shared/<sub>` or null when absent (throws in CI). */
export function sharedPath(sub: string): string | null {
  const p = sharedLocation(sub);
  if (fs.existsSync(p)) return p;
  if (process.env.CI === "true")
    throw new Error(`../shared/${sub} is missing next to the repo (${p}): CI must have it`);
  return null;
}
