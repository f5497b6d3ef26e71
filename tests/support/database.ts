// A migrated, empty database for one test file, on SQLite (default) or PostgreSQL when
// LOUPE_TEST_DB=postgres — so every DB-backed integration test can run a second time on PostgreSQL
// (`LOUPE_TEST_DB=postgres vitest run --project integration`). Returns the URL and a Prisma client.
// Importing this module has no side effects (no Prisma client is made until createTestDatabase).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { PrismaClient } from "@prisma/client";
import { migrate } from "../../core/db/migrate.server";
import { freshPostgresDatabase } from "./postgres";

export type TestDbKind = "sqlite" | "postgres";

export function testDbKind(): TestDbKind {
  const v = process.env.LOUPE_TEST_DB || "sqlite";
  if (v !== "sqlite" && v !== "postgres") throw new Error(`LOUPE_TEST_DB=${v}: use sqlite or postgres`);
  return v;
}

/**
 * The database URL a test harness should use: `file:<dir>/<name>` on SQLite (the default), or a
 * fresh empty database on the PostgreSQL test server when LOUPE_TEST_DB=postgres. Not migrated:
 * harnesses run `setupDatabase(url)` as before. A one-line change per harness:
 *   const url = await testDatabaseUrl(dir);   // was: `file:${join(dir, "test.db")}`
 */
export async function testDatabaseUrl(dir: string, name = "test.db"): Promise<string> {
  return testDbKind() === "postgres" ? freshPostgresDatabase() : `file:${join(dir, name)}`;
}

export interface TestDatabase {
  kind: TestDbKind;
  url: string;
  prisma: PrismaClient;
  /** Disconnects and removes the SQLite file (a PostgreSQL test database dies with its server). */
  cleanup(): Promise<void>;
}

export async function createTestDatabase(kind: TestDbKind = testDbKind()): Promise<TestDatabase> {
  let url: string;
  let dir: string | null = null;
  if (kind === "postgres") {
    url = await freshPostgresDatabase();
  } else {
    dir = mkdtempSync(join(tmpdir(), "loupe-db-"));
    url = `file:${join(dir, "test.db")}`;
  }
  await migrate(url);
  // Imported here, not at the top: core/db.server makes the process's client from DATABASE_URL when it
  // is first imported, and harnesses import this module before they set DATABASE_URL.
  const { createPrisma } = await import("../../core/db.server");
  const prisma = createPrisma(url);
  return {
    kind,
    url,
    prisma,
    async cleanup() {
      await prisma.$disconnect();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
