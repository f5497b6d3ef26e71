// Starts `npm run demo`'s entry point as a child process on free ports with its own database and
// storage, and waits until it answers. Used by the demo, crash and browser tests.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "./ports";
import { appCommand } from "../../scripts/app-command";

export interface DemoProcess {
  child: ChildProcess;
  url: string;
  fakeUrl: string;
  dir: string;
  startedInMs: number;
  output: () => string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

// Integration test files share one process (and its environment): other harnesses set DATABASE_URL,
// SHOPIFY_*, LOUPE_FAKE_SHOPIFY… for themselves. The demo must start on its own defaults.
const APP_ENV = /^(LOUPE_|SHOPIFY_|DATABASE_URL$|QUEUE$|REDIS_URL$|PORT$|FAKE_SHOPIFY_PORT$|NODE_ENV$)/;
function inheritedEnv(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined && !APP_ENV.test(e[0])),
  );
}

export async function startDemo(
  opts: { env?: Record<string, string>; dir?: string; timeoutMs?: number; port?: number; fakePort?: number } = {},
): Promise<DemoProcess> {
  const dir = opts.dir ?? mkdtempSync(join(tmpdir(), "loupe-demo-"));
  const port = opts.port ?? (await freePort());
  const fakePort = opts.fakePort ?? (await freePort());
  const started = Date.now();
  const child = spawn(...appCommand("scripts/demo.ts"), {
    env: {
      ...inheritedEnv(),
      PORT: String(port),
      FAKE_SHOPIFY_PORT: String(fakePort),
      DATABASE_URL: `file:${join(dir, "loupe.db")}`,
      LOUPE_STORAGE_DIR: join(dir, "storage"),
      NODE_ENV: "development",
      ...opts.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  const exited = new Promise<number | null>((r) => child.on("exit", (code) => r(code)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = started + (opts.timeoutMs ?? 90_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`demo exited early (${child.exitCode}):\n${out}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`demo did not answer within ${opts.timeoutMs ?? 90_000} ms:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    child,
    url,
    fakeUrl: opts.env?.LOUPE_FAKE_SHOPIFY ?? `http://127.0.0.1:${fakePort}`,
    dir,
    startedInMs: Date.now() - started,
    output: () => out,
    async stop(signal = "SIGTERM") {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
}
