// Runs before every integration test file (vitest setupFiles). Integration files share one process,
// so module-level state would leak between them: the process-wide Prisma client (globalThis) and
// DATABASE_URL. Each file starts from a migrated, throwaway SQLite database as the process default,
// so importing core/db.server or core/shopify/shopify-app.server (whose session storage checks its table at once)
// never touches a missing or stale database; harnesses then point everything at their own.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { migrateSqlite } from "../../core/db/migrate.server";

const g = globalThis as { __loupeTestDefaultDb?: string; __loupePrisma?: { $disconnect(): Promise<void> } };
if (!g.__loupeTestDefaultDb) {
  const url = `file:${join(mkdtempSync(join(tmpdir(), "loupe-default-db-")), "default.db")}`;
  await migrateSqlite(url, resolve("prisma/migrations"));
  g.__loupeTestDefaultDb = url;
}
process.env.DATABASE_URL = g.__loupeTestDefaultDb;
if (g.__loupePrisma) {
  await g.__loupePrisma.$disconnect().catch(() => undefined);
  g.__loupePrisma = undefined;
}
