// The parts of Loupe and the arrows between them (docs/ARCHITECTURE.md), checked on the import graph
// as TypeScript resolves it — dynamic import() and type-only imports included — so that a new arrow
// the wrong way, or a cycle, fails here even where a lint rule cannot see it.
import { describe, expect, it } from "vitest";
import { cycles, importGraph } from "../../support/import-graph";

const graph = importGraph(["app", "core", "workers", "server.ts", "scripts", "bench"]);

function part(file: string): string {
  if (file.startsWith("workers/retouch/")) return "engine";
  if (file.startsWith("workers/")) return "worker";
  return file.split("/")[0]!.replace(/\.tsx?$/, "");
}

/** Which part may import which (a part always imports itself). */
const ALLOWED: Record<string, string[]> = {
  app: ["core", "engine"],
  core: ["engine"],
  worker: ["core", "engine"],
  engine: [],
  server: ["app", "core"],
  scripts: ["core", "worker", "server", "tests"],
  bench: ["core", "worker", "engine", "scripts", "tests"],
};

/** The engine's faces: what other parts may import of it. */
const ENGINE_FACES = new Set(["workers/retouch/contract.ts", "workers/retouch/index.ts"]);

describe("architecture", () => {
  it("reads the whole tree", () => {
    expect(graph.size).toBeGreaterThan(250);
    for (const p of ["app", "core", "worker", "engine"])
      expect(
        [...graph.keys()].some((f) => part(f) === p),
        p,
      ).toBe(true);
  });

  it("has no import cycle, type-only imports included", () => {
    expect(cycles(graph)).toEqual([]);
  });

  it("runs every arrow between parts one way, as allowed", () => {
    const wrong: string[] = [];
    for (const [from, tos] of graph)
      for (const to of tos) {
        const a = part(from);
        const b = part(to);
        if (a !== b && !ALLOWED[a]?.includes(b)) wrong.push(`${from} -> ${to}`);
      }
    expect(wrong).toEqual([]);
    // One way: no two parts may import each other.
    for (const [a, bs] of Object.entries(ALLOWED))
      for (const b of bs) expect(ALLOWED[b]?.includes(a) ?? false, `${a} <-> ${b}`).toBe(false);
  });

  it("the web app, core and the worker use the engine only through its contract or index", () => {
    const wrong: string[] = [];
    for (const [from, tos] of graph)
      for (const to of tos)
        if (["app", "core", "worker"].includes(part(from)) && part(to) === "engine" && !ENGINE_FACES.has(to))
          wrong.push(`${from} -> ${to}`);
    expect(wrong).toEqual([]);
  });

  it("the graph sees the arrows it judges: a known one is there", () => {
    expect(graph.get("core/batches/consistency.ts")).toContain("workers/retouch/contract.ts");
    expect(graph.get("workers/main.ts")).toContain("core/db.server.ts");
  });
});
