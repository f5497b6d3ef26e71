// How Loupe's long-running processes (the web server, `npm run worker`, the demo) are started: Node
// with tsx as a loader, not tsx's CLI. The CLI runs Node as a child and, on SIGTERM, gives it 30 ms to
// report the signal back over IPC before it SIGKILLs it and exits 143; a process whose event loop is
// busy for that long (a batch being pulled or published) loses its graceful shutdown — the worker's
// grace period, the demo's closers. With `--import tsx` the signal reaches our own handlers directly.
// package.json's `start`, `worker` and `demo` scripts spell the same command; tests and benches spawn
// it from here.
import { resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "..");

/** `spawn(...appCommand("scripts/demo.ts"))`: the entry point (relative to the repo root) under Node 24 + tsx. */
export function appCommand(entry: string): [string, string[]] {
  return ["bash", [resolve(ROOT, "scripts/with-node.sh"), "node", "--import", "tsx", resolve(ROOT, entry)]];
}
