// The project's import graph, read with TypeScript's own pre-processor and module resolution: one node
// per source file (relative path from the repo root), one edge per import, export-from or dynamic
// import() of another source file of the tree (type-only imports included: a type cycle is a cycle).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import ts from "typescript";

export const ROOT = resolve(__dirname, "../..");

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (name === "node_modules" || name.startsWith(".")) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) sourceFiles(p, out);
    else if (/\.(ts|tsx|mts)$/.test(name) && !name.endsWith(".d.ts")) out.push(p);
  }
  return out;
}

export function importGraph(folders: readonly string[]): Map<string, Set<string>> {
  const files = folders.flatMap((f) => {
    const p = join(ROOT, f);
    return statSync(p).isDirectory() ? sourceFiles(p) : [p];
  });
  const options: ts.CompilerOptions = {
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    module: ts.ModuleKind.ESNext,
    allowImportingTsExtensions: true,
    baseUrl: ROOT,
    paths: { "~/*": ["./app/*"] },
    jsx: ts.JsxEmit.ReactJSX,
  };
  const host = ts.createCompilerHost(options);
  const graph = new Map<string, Set<string>>();
  for (const file of files) {
    const from = relative(ROOT, file);
    const edges = new Set<string>();
    const info = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
    for (const ref of info.importedFiles) {
      const r = ts.resolveModuleName(ref.fileName, file, options, host).resolvedModule;
      if (!r || r.isExternalLibraryImport || r.resolvedFileName.includes("node_modules")) continue;
      const to = relative(ROOT, r.resolvedFileName);
      if (!to.startsWith("..") && !to.endsWith(".d.ts")) edges.add(to);
    }
    graph.set(from, edges);
  }
  return graph;
}

/** The graph's cycles (strongly connected components of two files or more, and self-imports). */
export function cycles(graph: Map<string, Set<string>>): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string): void => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const c: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        c.push(w);
      } while (w !== v);
      if (c.length > 1 || graph.get(v)!.has(v)) out.push(c.sort());
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) visit(v);
  return out;
}
