// The hand-written migrations must build exactly the database schema.prisma describes: every model
// a table, every scalar field a column of the right type and nullability, every @@unique/@@index an
// index. Also checks that re-running is a no-op and that Prisma's client works on the result.
import { createClient } from "@libsql/client";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateSqlite } from "../../../core/db/migrate.server";
import { readPrismaSchema } from "../../support/prisma-schema";

const SQLITE_TYPE: Record<string, string> = {
  String: "TEXT",
  Int: "INTEGER",
  BigInt: "BIGINT",
  Float: "REAL",
  Boolean: "BOOLEAN",
  DateTime: "DATETIME",
  Json: "JSONB",
  Bytes: "BLOB",
  Decimal: "DECIMAL",
};

describe("SQLite migrations match prisma/schema.prisma", () => {
  const dir = mkdtempSync(join(tmpdir(), "loupe-migrate-"));
  const url = `file:${join(dir, "test.db")}`;
  const models = readPrismaSchema(resolve("prisma/schema.prisma"));
  const client = createClient({ url });

  beforeAll(async () => {
    const first = await migrateSqlite(url, resolve("prisma/migrations"));
    expect(first.applied.length).toBeGreaterThan(0);
  });
  afterAll(() => {
    client.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("reads the schema's models", () => {
    expect(models.map((m) => m.name)).toEqual(
      expect.arrayContaining(["Session", "Shop", "Batch", "ImageJob", "MediaLedger", "WebhookEvent"]),
    );
  });

  it("creates every model and field with the right type and nullability", async () => {
    for (const model of models) {
      const cols = await client.execute(`PRAGMA table_info("${model.name}")`);
      expect(cols.rows.length, `table ${model.name}`).toBeGreaterThan(0);
      const byName = new Map(cols.rows.map((r) => [String(r.name), r]));
      for (const field of model.fields.filter((f) => !f.relation)) {
        const col = byName.get(field.name);
        expect(col, `${model.name}.${field.name} exists`).toBeDefined();
        expect(String(col!.type), `${model.name}.${field.name} type`).toBe(SQLITE_TYPE[field.type]);
        const nullable = Number(col!.notnull) === 0;
        const isPk = Number(col!.pk) > 0;
        expect(nullable && !isPk, `${model.name}.${field.name} nullability`).toBe(field.optional);
      }
      const scalarNames = model.fields
        .filter((f) => !f.relation)
        .map((f) => f.name)
        .sort();
      expect([...byName.keys()].sort(), `${model.name} has no extra columns`).toEqual(scalarNames);
      expect(cols.rows.filter((r) => Number(r.pk) > 0).map((r) => String(r.name))).toEqual(model.id);
    }
  });

  it("creates every unique constraint and index", async () => {
    for (const model of models) {
      const list = await client.execute(`PRAGMA index_list("${model.name}")`);
      const indexes: Array<{ unique: boolean; cols: string[] }> = [];
      for (const idx of list.rows) {
        const info = await client.execute(`PRAGMA index_info("${String(idx.name)}")`);
        indexes.push({ unique: Number(idx.unique) === 1, cols: info.rows.map((r) => String(r.name)) });
      }
      for (const u of model.uniques.filter((u) => u.join() !== model.id.join())) {
        expect(
          indexes.some((i) => i.unique && i.cols.join() === u.join()),
          `${model.name} unique(${u})`,
        ).toBe(true);
      }
      for (const ix of model.indexes) {
        expect(
          indexes.some((i) => !i.unique && i.cols.join() === ix.join()),
          `${model.name} index(${ix})`,
        ).toBe(true);
      }
    }
  });

  it("records migrations like Prisma and is a no-op the second time", async () => {
    const rows = await client.execute(
      `SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations"`,
    );
    expect(rows.rows.length).toBeGreaterThan(0);
    for (const r of rows.rows) {
      expect(String(r.checksum)).toMatch(/^[a-f0-9]{64}$/);
      expect(r.finished_at).not.toBeNull();
      expect(Number(r.applied_steps_count)).toBeGreaterThan(0);
    }
    const again = await migrateSqlite(url, resolve("prisma/migrations"));
    expect(again.applied).toEqual([]);
    expect(again.skipped.length).toBe(rows.rows.length);
  });

  it("works with the generated Prisma client", async () => {
    const { createPrisma } = await import("../../../core/db.server");
    const prisma = createPrisma(url);
    try {
      const batch = await prisma.batch.create({
        data: { shop: "a.myshopify.com", source: "products", settingsHash: "h" },
      });
      await prisma.imageJob.create({
        data: { shop: "a.myshopify.com", batchId: batch.id, productId: "p", mediaId: "m", settingsHash: "h" },
      });
      await expect(
        prisma.imageJob.create({
          data: { shop: "a.myshopify.com", batchId: batch.id, productId: "p", mediaId: "m", settingsHash: "h" },
        }),
      ).rejects.toThrow();
      const jobs = await prisma.imageJob.findMany({ where: { batchId: batch.id } });
      expect(jobs).toHaveLength(1);
      expect(jobs[0]!.state).toBe("queued");
    } finally {
      await prisma.$disconnect();
    }
  });
});
