// Worker processes for the load test: what `npm run worker` runs (`bash scripts/with-node.sh tsx
// workers/main.ts`; bash execs tsx, which runs node), without npm in between so signals are exact:
// stop() sends SIGTERM to tsx, which relays it once to the worker (graceful: finish running jobs,
// hand back the rest); kill() sends SIGKILL to the whole process group, as a crash — the test proves
// the work it held is picked up again.
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream } from "node:fs";
import { join } from "node:path";
import { appCommand } from "../../scripts/app-command";

export interface WorkerProc {
  name: string;
  child: ChildProcess;
  /** SIGTERM (graceful: finish running jobs, hand back the rest); resolves when the tree exited. */
  stop(): Promise<void>;
  /** SIGKILL to the whole tree, as a crash. */
  kill(): void;
}

export function startWorkerProcess(name: string, env: Record<string, string>, logDir: string): WorkerProc {
  const log = createWriteStream(join(logDir, `${name}.log`));
  const child = spawn(...appCommand("workers/main.ts"), {
    env: { ...process.env, ...env },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  const signal = (sig: NodeJS.Signals, group = false) => {
    try {
      if (child.pid) process.kill(group ? -child.pid : child.pid, sig);
    } catch {
      /* already gone */
    }
  };
  return {
    name,
    child,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      signal("SIGTERM");
      const timeout = new Promise<"timeout">((r) => setTimeout(() => r("timeout"), 45_000).unref());
      if ((await Promise.race([exited, timeout])) === "timeout") signal("SIGKILL", true);
      await exited;
    },
    kill() {
      signal("SIGKILL", true);
    },
  };
}
