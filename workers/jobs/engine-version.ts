// The engine's version for result keys: LOUPE_ENGINE_VERSION when the deployment sets one, else a
// digest of the engine's source files (workers/retouch), so any change to the engine makes new results
// instead of reusing old ones. If the sources cannot be read, a value unique to this process: results
// are then never reused across restarts (fail closed: a stale result is worse than a second run).
import { createHash, randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";

let cached: string | null = null;

export function engineVersion(): string {
  if (cached) return cached;
  const fromEnv = process.env.LOUPE_ENGINE_VERSION;
  if (fromEnv) return (cached = `env:${fromEnv}`);
  try {
    cached = `src:${digestTree(resolve(process.cwd(), "workers/retouch"))}`;
  } catch {
    cached = `process:${randomUUID()}`;
  }
  return cached;
}

function digestTree(root: string): string {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.name === "node_modules" || e.name.startsWith(".")) continue;
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(ts|mts|js|mjs|json)$/.test(e.name)) files.push(p);
    }
  };
  walk(root);
  if (files.length === 0) throw new Error("no engine sources");
  const h = createHash("sha256");
  for (const f of files.sort()) h.update(relative(root, f)).update("\0").update(readFileSync(f)).update("\0");
  return h.digest("hex").slice(0, 16);
}
