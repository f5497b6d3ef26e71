// Runs Loupe processes as children in their own process group, so `kill -9` takes the whole group
// (whatever the entry point spawns): the demo (web + in-process worker) and `npm run worker`.
import { spawn, type ChildProcess } from "node:child_process";
import { appendFileSync } from "node:fs";
import { appCommand } from "../../../../scripts/app-command";

export interface AppProcess {
  child: ChildProcess;
  output(): string;
  /** SIGKILL to the whole group: no cleanup runs, like a power cut. */
  crash(): Promise<void>;
  stop(): Promise<number | null>;
}

/** `logFile`: the output is also appended there, to read while a long test runs. */
export function spawnApp(
  script: "scripts/demo.ts" | "workers/main.ts",
  env: Record<string, string>,
  logFile?: string,
): AppProcess {
  const child = spawn(...appCommand(script), {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let out = "";
  const take = (d: Buffer) => {
    out += d;
    if (logFile) appendFileSync(logFile, d);
  };
  child.stdout!.on("data", take);
  child.stderr!.on("data", take);
  const exited = new Promise<number | null>((r) => child.on("exit", (code) => r(code)));
  const group = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      /* already gone */
    }
  };
  return {
    child,
    output: () => out,
    async crash() {
      group("SIGKILL");
      await exited;
      await new Promise((r) => setTimeout(r, 200));
    },
    async stop() {
      if (child.exitCode !== null) return child.exitCode;
      group("SIGTERM");
      const code = await Promise.race([exited, new Promise<"timeout">((r) => setTimeout(() => r("timeout"), 40_000))]);
      if (code === "timeout") {
        group("SIGKILL");
        return exited;
      }
      return code;
    },
  };
}

export async function waitForHttp(url: string, proc: AppProcess, timeoutMs = 180_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    if (proc.child.exitCode !== null)
      throw new Error(`process exited early (${proc.child.exitCode}):\n${proc.output()}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      /* not up yet */
    }
    if (Date.now() > end) throw new Error(`${url} did not answer in ${timeoutMs} ms:\n${proc.output()}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
