// The web and the workers write one SQLite file from several connections: a write that meets
// another connection's lock waits for it (busy timeout on every libSQL connection) instead of
// failing with SQLITE_BUSY and wedging Prisma's adapter.
import { expect, it } from "vitest";
import { spawn } from "node:child_process";
import { makeEnv } from "./helpers/env";
import { installSqliteBusyTimeout } from "../../../core/db/sqlite-busy-timeout.server";

const HOLDER = `
const Database = require(require.resolve("libsql", { paths: [process.cwd()] }));
const db = new Database(process.argv[1]);
db.exec("BEGIN IMMEDIATE");
db.exec("UPDATE Shop SET dailyCap = 2");
process.stdout.write("locked\\n");
setTimeout(() => { db.exec("COMMIT"); db.close(); }, 800);
`;

it("waits for another connection's write lock, even in a fresh connection after a transaction", async () => {
  installSqliteBusyTimeout();
  const env = await makeEnv({ sqlite: true }); // about SQLite itself, on either test run
  try {
    await env.db.shop.create({ data: { shop: "a.myshopify.com" } });
    await env.db.shop.updateMany({ where: { shop: "a.myshopify.com" }, data: { dailyCap: 1 } }); // a transaction: next query opens a new connection
    // Another process holds the write lock for 800 ms (libSQL is synchronous: the lock must live elsewhere).
    const holder = spawn(process.execPath, ["-e", HOLDER, env.url.slice("file:".length)], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    await new Promise<void>((r) => holder.stdout!.once("data", () => r()));
    const released = new Promise<void>((r) => holder.on("exit", () => r()));
    const t = Date.now();
    const res = await env.db.shop.updateMany({ where: { shop: "a.myshopify.com" }, data: { dailyCap: 3 } });
    const waited = Date.now() - t;
    await released;
    expect(res.count).toBe(1);
    expect(waited).toBeGreaterThanOrEqual(500);
    expect((await env.db.shop.findUnique({ where: { shop: "a.myshopify.com" } }))?.dailyCap).toBe(3);
  } finally {
    await env.cleanup();
  }
});
