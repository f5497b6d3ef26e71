// SIGTERM reaches Loupe's own shutdown handlers even when the event loop is busy. tsx's CLI would
// SIGKILL its child (exit 143) when the child takes over 30 ms to acknowledge the signal, which is
// what once made the crash test's graceful stop fail under CI load: the processes run under Node
// with tsx as a loader instead (scripts/app-command.ts), and package.json starts them the same way.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { appCommand } from "../../../scripts/app-command";

it("a busy process started by appCommand runs its SIGTERM handler and exits 0", async () => {
  const [cmd, args] = appCommand("tests/fixtures/busy-until-sigterm.ts");
  const child = spawn(cmd, args, { stdio: ["ignore", "pipe", "pipe"], detached: true });
  let out = "";
  child.stderr!.on("data", (d) => (out += d));
  const exited = new Promise<number | null>((r) => child.on("exit", (code) => r(code)));
  const end = Date.now() + 60_000;
  while (!out.includes("busy: ready")) {
    if (Date.now() > end || child.exitCode !== null) throw new Error(`the fixture did not start:\n${out}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  await new Promise((r) => setTimeout(r, 500)); // well inside the busy loop
  process.kill(-child.pid!, "SIGTERM"); // the whole group, as the tests' stop() and a terminal's Ctrl-C do
  expect(await exited).toBe(0);
  expect(out).toContain("busy: SIGTERM, shutting down");
}, 90_000);

it("package.json starts the web server, the worker and the demo the same way", () => {
  const scripts = (JSON.parse(readFileSync("package.json", "utf8")) as { scripts: Record<string, string> }).scripts;
  for (const [name, entry] of [
    ["start", "server.ts"],
    ["worker", "workers/main.ts"],
    ["demo", "scripts/demo.ts"],
  ])
    expect(scripts[name]).toBe(`bash scripts/with-node.sh node --import tsx ${entry}`);
});
