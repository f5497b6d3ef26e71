// The test-database helper gives the same migrated schema on both databases, so DB-backed tests can
// run on SQLite and again on PostgreSQL (LOUPE_TEST_DB=postgres); and a machine without PostgreSQL's
// binaries gets a failure that says how to install them.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createTestDatabase, testDatabaseUrl, testDbKind, type TestDatabase } from "../../support/database";
import { PG_INSTALL_HINT, pgBinDir } from "../../support/postgres";

describe("test databases on SQLite and PostgreSQL", () => {
  const opened: TestDatabase[] = [];
  afterAll(async () => {
    for (const db of opened) await db.cleanup();
  });

  for (const kind of ["sqlite", "postgres"] as const) {
    it(`${kind}: a migrated, empty database with a working client`, async () => {
      const db = await createTestDatabase(kind);
      opened.push(db);
      expect(db.url.startsWith(kind === "sqlite" ? "file:" : "postgresql://")).toBe(true);
      expect(await db.prisma.batch.count()).toBe(0);
      const batch = await db.prisma.batch.create({
        data: { shop: "b.myshopify.com", source: "collection", settingsHash: "s", total: 3 },
      });
      const jobs = await Promise.all(
        [0, 1, 2].map((i) =>
          db.prisma.imageJob.create({
            data: {
              shop: batch.shop,
              batchId: batch.id,
              productId: `p${i}`,
              mediaId: `m${i}`,
              settingsHash: "s",
              position: i,
            },
          }),
        ),
      );
      // A conditional claim (the queue's pattern) wins exactly once on either database.
      const claims = await Promise.all(
        [1, 2, 3].map(() =>
          db.prisma.imageJob.updateMany({ where: { id: jobs[0]!.id, state: "queued" }, data: { state: "processing" } }),
        ),
      );
      expect(claims.map((c) => c.count).sort()).toEqual([0, 0, 1]);
      const byState = await db.prisma.imageJob.groupBy({
        by: ["state"],
        _count: { _all: true },
        orderBy: { state: "asc" },
      });
      expect(byState.map((r) => [r.state, r._count._all])).toEqual([
        ["processing", 1],
        ["queued", 2],
      ]);
    });
  }

  it("reads LOUPE_TEST_DB", () => {
    const before = process.env.LOUPE_TEST_DB;
    try {
      process.env.LOUPE_TEST_DB = "postgres";
      expect(testDbKind()).toBe("postgres");
      process.env.LOUPE_TEST_DB = "mysql";
      expect(() => testDbKind()).toThrow(/use sqlite or postgres/);
    } finally {
      if (before === undefined) delete process.env.LOUPE_TEST_DB;
      else process.env.LOUPE_TEST_DB = before;
    }
  });

  it("fails with the install line when the server binaries are missing", () => {
    const empty = mkdtempSync(join(tmpdir(), "loupe-nopg-"));
    try {
      expect(() => pgBinDir(empty)).toThrow(PG_INSTALL_HINT);
      expect(pgBinDir()).toMatch(/\/bin$/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

describe("testDatabaseUrl", () => {
  it("is a SQLite file by default and a fresh PostgreSQL database with LOUPE_TEST_DB=postgres", async () => {
    const before = process.env.LOUPE_TEST_DB;
    try {
      delete process.env.LOUPE_TEST_DB;
      expect(await testDatabaseUrl("/tmp/x")).toBe("file:/tmp/x/test.db");
      process.env.LOUPE_TEST_DB = "postgres";
      const a = await testDatabaseUrl("/tmp/x");
      const b = await testDatabaseUrl("/tmp/x");
      expect(a).toMatch(/^postgresql:\/\/loupe@127\.0\.0\.1:\d+\/t_[0-9a-f]{12}$/);
      expect(b).not.toBe(a);
    } finally {
      if (before === undefined) delete process.env.LOUPE_TEST_DB;
      else process.env.LOUPE_TEST_DB = before;
    }
  });
});
