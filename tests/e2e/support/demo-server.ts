// Starts `npm run demo` as a child process on free ports with a temporary database and storage
// folder, LOUPE_ENGINE_FAST=1 (the engine's fast path, so a batch finishes in seconds), and waits
// until it answers. stop() sends SIGTERM to its process group and removes the temp folder.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { appCommand } from "../../../scripts/app-command";

export interface Demo {
  url: string;
  fakeUrl: string;
  log: () => string;
  stop: () => Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.unref();
    s.on("error", fail);
    s.listen(0, "127.0.0.1", () => {
      const a = s.address();
      const port = typeof a === "object" && a ? a.port : 0;
      s.close(() => ok(port));
    });
  });
}

export async function startDemo(timeoutMs = 240_000, extraEnv: Record<string, string> = {}): Promise<Demo> {
  const dir = await mkdtemp(join(tmpdir(), "loupe-e2e-"));
  const port = await freePort();
  const fakePort = await freePort();
  const root = resolve(import.meta.dirname, "../../..");
  let out = "";
  const child: ChildProcess = spawn(...appCommand("scripts/demo.ts"), {
    cwd: root,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      PORT: String(port),
      FAKE_SHOPIFY_PORT: String(fakePort),
      DATABASE_URL: `file:${join(dir, "loupe.db")}`,
      LOUPE_STORAGE_DIR: join(dir, "storage"),
      ...(process.env.LOUPE_E2E_REAL_ENGINE === "1" ? {} : { LOUPE_ENGINE_FAST: "1" }),
      LOUPE_FAKE_SHOPIFY: "",
      SHOPIFY_APP_URL: `http://127.0.0.1:${port}`,
      ...extraEnv,
    },
  });
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  const exited = new Promise<number | null>((r) => child.on("exit", (code) => r(code)));

  const stop = async () => {
    if (child.exitCode === null && child.pid) {
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        /* already gone */
      }
      const timer = setTimeout(() => child.pid && process.kill(-child.pid, "SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    }
    await rm(dir, { recursive: true, force: true });
  };

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    if (out.includes("Loupe is running")) {
      const m = /fake Shopify \(.*?\) on (http:\/\/\S+)/.exec(out);
      return { url, fakeUrl: m?.[1] ?? `http://127.0.0.1:${fakePort}`, log: () => out, stop };
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`npm run demo did not start:\n${out.slice(-4000)}`);
}
