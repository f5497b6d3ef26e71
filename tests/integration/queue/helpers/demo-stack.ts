// A fake Shopify kept in the test process (so the test can read its files directly) and the demo
// started against it, on a database and storage folder the test owns.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { PrismaClient } from "@prisma/client";
import { startFakeShopify, type FakeShopify } from "../../../fake-shopify/server";
import { freePort } from "../../../support/ports";
import { createPrisma } from "../../../../core/db.server";
import { setupDatabase } from "../../../../scripts/setup";
import { installSqliteBusyTimeout } from "../../../../core/db/sqlite-busy-timeout.server";
import { spawnApp, waitForHttp, type AppProcess } from "./app-process";
import { testDatabaseUrl } from "../../../support/database";

export interface DemoStack {
  dir: string;
  fake: FakeShopify;
  appUrl: string;
  env: Record<string, string>;
  db: PrismaClient;
  startDemo(extra?: Record<string, string>): Promise<AppProcess>;
  startWorkerProcess(extra?: Record<string, string>): Promise<AppProcess>;
  /** A session token for the demo shop, from the demo's own route. */
  token(): Promise<string>;
  close(): Promise<void>;
}

export async function demoStack(baseEnv: Record<string, string> = {}): Promise<DemoStack> {
  const dir = mkdtempSync(join(tmpdir(), "loupe-crash-"));
  const port = await freePort();
  const appUrl = `http://127.0.0.1:${port}`;
  const apiKey = "loupe-demo-api-key";
  const apiSecret = "loupe-demo-api-secret";
  const fake = await startFakeShopify({
    port: await freePort(),
    appUrl,
    apiKey,
    apiSecret,
    seed: "demo",
    autoWebhooks: false,
  });
  installSqliteBusyTimeout(); // the test's own client shares the file with the demo's processes
  const databaseUrl = await testDatabaseUrl(dir, "loupe.db");
  process.env.LOUPE_OWN_MIGRATOR = "1";
  await setupDatabase(databaseUrl);
  const db = createPrisma(databaseUrl);
  const env = {
    PORT: String(port),
    SHOPIFY_APP_URL: appUrl,
    SHOPIFY_API_KEY: apiKey,
    SHOPIFY_API_SECRET: apiSecret,
    DATABASE_URL: databaseUrl,
    LOUPE_STORAGE_DIR: join(dir, "storage"),
    LOUPE_FAKE_SHOPIFY: fake.url,
    LOUPE_ENGINE_FAST: "1",
    LOUPE_LEASE_MS: "4000",
    LOUPE_POLL_MS: "200",
    LOUPE_OWN_MIGRATOR: "1",
    ...baseEnv,
  };
  const procs: AppProcess[] = [];
  return {
    dir,
    fake,
    appUrl,
    env,
    db,
    async startDemo(extra = {}) {
      const p = spawnApp("scripts/demo.ts", { ...env, ...extra }, join(dir, `demo-${procs.length}.log`));
      procs.push(p);
      await waitForHttp(`${appUrl}/healthz`, p);
      await waitFor(() => /worker .*: (local|bullmq) queue/.test(p.output()), p, "the in-process worker");
      return p;
    },
    async startWorkerProcess(extra = {}) {
      const p = spawnApp("workers/main.ts", { ...env, ...extra }, join(dir, `worker-${procs.length}.log`));
      procs.push(p);
      await waitFor(() => /worker .*: (local|bullmq) queue/.test(p.output()), p, "the worker");
      return p;
    },
    async token() {
      const res = await fetch(`${appUrl}/demo/session-token`);
      if (!res.ok) throw new Error(`no session token (${res.status})`);
      return res.text();
    },
    async close() {
      for (const p of procs) await p.stop();
      await db.$disconnect();
      await fake.close();
    },
  };
}

async function waitFor(ok: () => boolean, p: AppProcess, what: string, timeoutMs = 120_000) {
  const end = Date.now() + timeoutMs;
  while (!ok()) {
    if (p.child.exitCode !== null) throw new Error(`${what} exited early (${p.child.exitCode}):\n${p.output()}`);
    if (Date.now() > end) throw new Error(`${what} did not start:\n${p.output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
