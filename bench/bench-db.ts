// For benches that start a worker: a migrated throwaway SQLite database that DATABASE_URL points at
// before any app module is loaded (the process-wide Prisma client and the session storage, which
// checks its table as soon as core/shopify/shopify-app.server loads, read it then). Load app modules with a
// dynamic import after this resolves.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { migrateSqlite } from "../core/db/migrate.server";

export async function prepareBenchDatabase(): Promise<{ dir: string; url: string }> {
  const dir = mkdtempSync(join(tmpdir(), "loupe-bench-"));
  const url = `file:${join(dir, "bench.db")}`;
  await migrateSqlite(url, resolve("prisma/migrations"));
  process.env.DATABASE_URL = url;
  return { dir, url };
}
