// A throwaway PostgreSQL server for tests: initdb into a temp folder, `postgres` on a free loopback
// port with fsync off, trust auth, stopped (and the folder removed) by stop() or at process exit.
// Uses Debian's binaries (/usr/lib/postgresql/<ver>/bin, or LOUPE_PG_BIN); when they are missing it
// throws with the install line — a test must fail, not skip. initdb refuses to run as root, so as root
// the server runs as the `postgres` user (created by the Debian package) via runuser.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, chownSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { freePort } from "./ports";

export const PG_INSTALL_HINT = "apt-get update && apt-get install -y --no-install-recommends postgresql";

export interface PgServer {
  /** postgresql://loupe@127.0.0.1:<port>/postgres (the maintenance database). */
  url: string;
  port: number;
  /** A new empty database on this server; returns its URL. */
  createDatabase(name?: string): Promise<string>;
  stop(): Promise<void>;
}

/** The folder holding initdb and postgres: LOUPE_PG_BIN, else the newest /usr/lib/postgresql/<ver>/bin. */
export function pgBinDir(base = "/usr/lib/postgresql"): string {
  const fromEnv = process.env.LOUPE_PG_BIN;
  if (fromEnv) {
    if (!existsSync(join(fromEnv, "postgres"))) throw new Error(`LOUPE_PG_BIN=${fromEnv} has no postgres binary`);
    return fromEnv;
  }
  const versions = existsSync(base)
    ? readdirSync(base).filter((v) => existsSync(join(base, v, "bin", "postgres")))
    : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  if (!newest)
    throw new Error(
      `PostgreSQL server binaries not found under ${base}; install them with:\n  ${PG_INSTALL_HINT}\n(or set LOUPE_PG_BIN to a folder holding initdb and postgres)`,
    );
  return join(base, newest, "bin");
}

const isRoot = () => typeof process.getuid === "function" && process.getuid() === 0;

/** argv that runs `cmd` as a non-root user when we are root. */
function asServerUser(cmd: string, args: string[]): [string, string[]] {
  return isRoot() ? ["runuser", ["-u", "postgres", "--", cmd, ...args]] : [cmd, args];
}

function postgresUser(): { uid: number; gid: number } {
  const line = readFileSync("/etc/passwd", "utf8")
    .split("\n")
    .find((l) => l.startsWith("postgres:"));
  if (!line)
    throw new Error(
      `running as root and there is no 'postgres' user to run the server as; install Debian's package (${PG_INSTALL_HINT}) or run the tests as a normal user`,
    );
  const [, , uid, gid] = line.split(":");
  return { uid: Number(uid), gid: Number(gid) };
}

async function waitReady(url: string, child: ChildProcess, log: () => string, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`postgres exited with code ${child.exitCode}:\n${log()}`);
    const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
    try {
      await c.connect();
      await c.query("SELECT 1");
      await c.end();
      return;
    } catch {
      await c.end().catch(() => undefined);
      if (Date.now() > end) throw new Error(`postgres did not accept connections within ${timeoutMs} ms:\n${log()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

export async function startPostgres(): Promise<PgServer> {
  const bin = pgBinDir();
  const dir = mkdtempSync(join(tmpdir(), "loupe-pg-"));
  const data = join(dir, "data");
  if (isRoot()) {
    const { uid, gid } = postgresUser();
    chownSync(dir, uid, gid);
  }
  chmodSync(dir, 0o700);
  const [initCmd, initArgs] = asServerUser(join(bin, "initdb"), [
    "-D",
    data,
    "-U",
    "loupe",
    "--auth=trust",
    "--no-sync",
    "-E",
    "UTF8",
    "--locale=C",
  ]);
  const init = spawnSync(initCmd, initArgs, { encoding: "utf8" });
  if (init.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`initdb failed (${init.error?.message ?? `exit ${init.status}`}):\n${init.stderr}${init.stdout}`);
  }
  const port = await freePort();
  const [cmd, args] = asServerUser(join(bin, "postgres"), [
    "-D",
    data,
    "-p",
    String(port),
    "-h",
    "127.0.0.1",
    "-k",
    dir,
    "-c",
    "fsync=off",
    "-c",
    "synchronous_commit=off",
    "-c",
    "full_page_writes=off",
    "-c",
    "max_connections=200",
    "-c",
    "shared_buffers=32MB",
  ]);
  const child = spawn(cmd, args, { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr!.on("data", (b: Buffer) => {
    stderr = (stderr + b.toString()).slice(-4000);
  });
  const url = `postgresql://loupe@127.0.0.1:${port}/postgres`;

  /** The postmaster's own pid (the child may be runuser). */
  const postmasterPid = (): number | null => {
    try {
      return Number(readFileSync(join(data, "postmaster.pid"), "utf8").split("\n")[0]) || null;
    } catch {
      return null;
    }
  };
  let stopped = false;
  const killNow = () => {
    if (stopped) return;
    stopped = true;
    const pid = postmasterPid();
    try {
      if (pid) process.kill(pid, "SIGQUIT"); // immediate shutdown: nothing here needs to survive
    } catch {
      /* already gone */
    }
    child.kill("SIGQUIT");
  };
  process.once("exit", () => {
    killNow();
    rmSync(dir, { recursive: true, force: true });
  });
  // A test runner may kill this process without an "exit" event (vitest ends its fork workers with a
  // signal): a detached watchdog stops the server and removes its folder when this process is gone.
  const watchdog = spawn(
    "sh",
    [
      "-c",
      `while kill -0 ${process.pid} 2>/dev/null; do sleep 1; done; p=$(head -n 1 '${data}/postmaster.pid' 2>/dev/null); [ -n "$p" ] && kill -QUIT "$p" 2>/dev/null; sleep 1; rm -rf '${dir}'`,
    ],
    { detached: true, stdio: "ignore" },
  );
  watchdog.unref();
  const stopWatchdog = () => {
    try {
      if (watchdog.pid) process.kill(watchdog.pid, "SIGTERM");
    } catch {
      /* already gone */
    }
  };

  try {
    await waitReady(url, child, () => stderr);
  } catch (err) {
    killNow();
    stopWatchdog();
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }

  return {
    url,
    port,
    async createDatabase(name = `t_${randomBytes(6).toString("hex")}`) {
      if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bad database name ${name}`);
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      try {
        await c.query(`CREATE DATABASE "${name}"`);
      } finally {
        await c.end();
      }
      return url.replace(/\/postgres$/, `/${name}`);
    },
    async stop() {
      if (stopped) return;
      const exited = new Promise<void>((r) => (child.exitCode !== null ? r() : child.once("exit", () => r())));
      const pid = postmasterPid();
      stopped = true;
      try {
        if (pid)
          process.kill(pid, "SIGINT"); // fast shutdown
        else child.kill("SIGINT");
      } catch {
        /* already gone */
      }
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (child.exitCode === null) killNow();
      stopWatchdog();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// One fallback server per process, kept on globalThis: vitest re-evaluates modules for every test
// file, and a server per file would be wasted start-up time.
const g = globalThis as { __loupeTestPg?: Promise<PgServer> };

/**
 * A fresh, empty database for one test file. Uses the server named by LOUPE_TEST_PG_URL when set
 * (one server for a whole run, see postgres-global-setup.ts), otherwise one server per process.
 */
export async function freshPostgresDatabase(): Promise<string> {
  const external = process.env.LOUPE_TEST_PG_URL;
  if (external) {
    const name = `t_${randomBytes(6).toString("hex")}`;
    const c = new pg.Client({ connectionString: external });
    await c.connect();
    try {
      await c.query(`CREATE DATABASE "${name}"`);
    } finally {
      await c.end();
    }
    const u = new URL(external);
    u.pathname = `/${name}`;
    return u.toString();
  }
  g.__loupeTestPg ??= startPostgres();
  return (await g.__loupeTestPg).createDatabase();
}
