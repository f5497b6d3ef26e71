// A fresh SQLite database and storage folder per test, wired into the batch services.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { PrismaClient } from "@prisma/client";
import { createPrisma } from "../../../../core/db.server";
import { setupDatabase } from "../../../../scripts/setup";
import { FsStorage } from "../../../../core/storage/fs-storage.server";
import { setStorage } from "../../../../core/storage";
import { setDb } from "../../../../core/db.server";
import { testDatabaseUrl } from "../../../support/database";

export interface TestEnv {
  dir: string;
  url: string;
  db: PrismaClient;
  storage: FsStorage;
  cleanup(): Promise<void>;
}

/** A migrated database (SQLite, or PostgreSQL under LOUPE_TEST_DB=postgres unless `sqlite` is asked for) and storage. */
export async function makeEnv(opts: { sqlite?: boolean } = {}): Promise<TestEnv> {
  const dir = mkdtempSync(join(tmpdir(), "loupe-queue-"));
  const url = opts.sqlite ? `file:${join(dir, "test.db")}` : await testDatabaseUrl(dir);
  process.env.LOUPE_OWN_MIGRATOR = "1";
  await setupDatabase(url);
  const db = createPrisma(url);
  const storage = new FsStorage(join(dir, "storage"), "test-secret");
  setStorage(storage);
  setDb(db);
  return {
    dir,
    url,
    db,
    storage,
    async cleanup() {
      setDb(null);
      setStorage(null);
      await db.$disconnect();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false>,
  timeoutMs = 30_000,
  everyMs = 50,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v) return v;
    } catch (err) {
      last = err;
    }
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}${last ? `: ${last}` : ""}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
