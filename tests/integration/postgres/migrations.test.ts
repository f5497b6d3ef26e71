// The hand-written PostgreSQL migrations must build exactly the database prisma/schema.prisma
// describes — every model a table, every scalar field a column of Prisma's PostgreSQL type and
// nullability, every @@unique/@@index an index, the foreign keys — on a fresh real server; record
// themselves like `prisma migrate deploy`; be safe to run twice at once; and work with the
// generated PostgreSQL client.
import { readdirSync } from "node:fs";
import { resolve } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrisma } from "../../../core/db.server";
import { listMigrations, migratePostgres } from "../../../core/db/migrate.server";
import { readPrismaSchema } from "../../support/prisma-schema";
import { startPostgres, type PgServer } from "../../support/postgres";

const PG_TYPE: Record<string, string> = {
  String: "text",
  Int: "integer",
  BigInt: "bigint",
  Float: "double precision",
  Boolean: "boolean",
  DateTime: "timestamp(3) without time zone",
  Json: "jsonb",
  Bytes: "bytea",
  Decimal: "numeric(65,30)",
};

const DIR = resolve("prisma/postgres/migrations");

describe("PostgreSQL migrations match prisma/schema.prisma", () => {
  const models = readPrismaSchema(resolve("prisma/schema.prisma"));
  let server: PgServer;
  let url: string;
  let client: pg.Client;

  beforeAll(async () => {
    server = await startPostgres();
    url = await server.createDatabase();
    // Two set-up processes at once (workers starting together): one applies every migration, the other
    // waits and skips.
    const [a, b] = await Promise.all([migratePostgres(url, DIR), migratePostgres(url, DIR)]);
    expect([a.applied.length, b.applied.length].sort()).toEqual([0, listMigrations(DIR).length]);
    client = new pg.Client({ connectionString: url });
    await client.connect();
  });
  afterAll(async () => {
    await client?.end();
    await server?.stop();
  });

  it("creates every model and field with Prisma's PostgreSQL type and nullability, and the primary keys", async () => {
    for (const model of models) {
      const cols = await client.query<{ column_name: string; type: string; is_nullable: string }>(
        `SELECT a.attname AS column_name, format_type(a.atttypid, a.atttypmod) AS type, CASE WHEN a.attnotnull THEN 'NO' ELSE 'YES' END AS is_nullable
           FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = 'public' AND c.relname = $1 AND a.attnum > 0 AND NOT a.attisdropped`,
        [model.name],
      );
      expect(cols.rows.length, `table ${model.name}`).toBeGreaterThan(0);
      const byName = new Map(cols.rows.map((r) => [r.column_name, r]));
      const scalars = model.fields.filter((f) => !f.relation);
      for (const field of scalars) {
        const col = byName.get(field.name);
        expect(col, `${model.name}.${field.name} exists`).toBeDefined();
        expect(col!.type, `${model.name}.${field.name} type`).toBe(PG_TYPE[field.type]);
        expect(col!.is_nullable === "YES", `${model.name}.${field.name} nullability`).toBe(field.optional);
      }
      expect([...byName.keys()].sort(), `${model.name} has no extra columns`).toEqual(
        scalars.map((f) => f.name).sort(),
      );
      const pk = await client.query<{ conname: string; cols: string[] }>(
        `SELECT con.conname, array_agg(a.attname ORDER BY k.ord)::text[] AS cols
           FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid
           CROSS JOIN LATERAL unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
           JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
          WHERE con.contype = 'p' AND c.relname = $1 GROUP BY con.conname`,
        [model.name],
      );
      expect(pk.rows, `${model.name} primary key`).toEqual([{ conname: `${model.name}_pkey`, cols: model.id }]);
    }
  });

  it("creates every unique constraint and index under Prisma's names", async () => {
    const idx = await client.query<{ table: string; name: string; unique: boolean; cols: string[] }>(
      `SELECT t.relname AS table, i.relname AS name, ix.indisunique AS unique, array_agg(a.attname ORDER BY k.ord)::text[] AS cols
         FROM pg_index ix JOIN pg_class i ON i.oid = ix.indexrelid JOIN pg_class t ON t.oid = ix.indrelid
         JOIN pg_namespace n ON n.oid = t.relnamespace
         CROSS JOIN LATERAL unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ord)
         JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
        WHERE n.nspname = 'public' AND NOT ix.indisprimary GROUP BY t.relname, i.relname, ix.indisunique`,
    );
    const found = (table: string, unique: boolean, cols: string[]) =>
      idx.rows.find((r) => r.table === table && r.unique === unique && r.cols.join() === cols.join());
    let expected = 0;
    for (const model of models) {
      for (const u of model.uniques.filter((u) => u.join() !== model.id.join())) {
        expected++;
        expect(found(model.name, true, u)?.name, `${model.name} unique(${u})`).toBe(`${model.name}_${u.join("_")}_key`);
      }
      for (const ix of model.indexes) {
        expected++;
        expect(found(model.name, false, ix)?.name, `${model.name} index(${ix})`).toBe(
          `${model.name}_${ix.join("_")}_idx`,
        );
      }
    }
    expect(idx.rows.filter((r) => r.table !== "_prisma_migrations")).toHaveLength(expected);
  });

  it("creates the relation's foreign key with its referential actions", async () => {
    const fks = await client.query<{ conname: string; def: string }>(
      `SELECT conname, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE contype = 'f' ORDER BY conname`,
    );
    const relations = models.flatMap((m) =>
      m.fields
        .filter((f) => f.relation && !f.list && /@relation\(/.test(f.attributes))
        .map((f) => ({ model: m.name, field: f })),
    );
    expect(fks.rows.map((r) => r.conname)).toEqual(
      relations.map(({ model, field }) => `${model}_${field.attributes.match(/fields:\s*\[(\w+)\]/)![1]}_fkey`).sort(),
    );
    expect(fks.rows.find((r) => r.conname === "ImageJob_batchId_fkey")?.def).toBe(
      'FOREIGN KEY ("batchId") REFERENCES "Batch"(id) ON UPDATE CASCADE ON DELETE CASCADE',
    );
  });

  it("records migrations in _prisma_migrations like Prisma and is a no-op the second time", async () => {
    const cols = await client.query<{ column_name: string; data_type: string }>(
      `SELECT column_name, data_type FROM information_schema.columns WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position`,
    );
    expect(cols.rows.map((r) => `${r.column_name}:${r.data_type}`)).toEqual([
      "id:character varying",
      "checksum:character varying",
      "finished_at:timestamp with time zone",
      "migration_name:character varying",
      "logs:text",
      "rolled_back_at:timestamp with time zone",
      "started_at:timestamp with time zone",
      "applied_steps_count:integer",
    ]);
    const rows = await client.query(
      `SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations"`,
    );
    expect(rows.rows.length).toBeGreaterThan(0);
    for (const r of rows.rows) {
      expect(r.checksum).toMatch(/^[a-f0-9]{64}$/);
      expect(r.finished_at).toBeInstanceOf(Date);
      expect(r.applied_steps_count).toBe(1);
    }
    const again = await migratePostgres(url, DIR);
    expect(again).toEqual({ applied: [], skipped: rows.rows.map((r) => r.migration_name).sort() });
  });

  it("refuses to run past an edited migration", async () => {
    await client.query(
      `UPDATE "_prisma_migrations" SET checksum = repeat('0', 64) WHERE migration_name = (SELECT min(migration_name) FROM "_prisma_migrations")`,
    );
    await expect(migratePostgres(url, DIR)).rejects.toThrow(/edited after it was applied/);
    const fresh = await server.createDatabase();
    await expect(migratePostgres(fresh, DIR)).resolves.toMatchObject({ skipped: [] });
  });

  it("is what `npm run setup` applies for a postgresql:// DATABASE_URL", async () => {
    const before = process.env.LOUPE_OWN_MIGRATOR;
    process.env.LOUPE_OWN_MIGRATOR = "1"; // the schema engine can't be downloaded here; be explicit anyway
    try {
      const { setupDatabase } = await import("../../../scripts/setup");
      const fresh = await server.createDatabase();
      expect(await setupDatabase(fresh)).toBe(
        `applied ${readdirSync(DIR, { withFileTypes: true }).filter((d) => d.isDirectory()).length} migration(s), 0 already applied`,
      );
      const c = new pg.Client({ connectionString: fresh });
      await c.connect();
      const t = await c.query(
        `SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
      );
      await c.end();
      expect(t.rows[0].n).toBe(models.length);
    } finally {
      if (before === undefined) delete process.env.LOUPE_OWN_MIGRATOR;
      else process.env.LOUPE_OWN_MIGRATOR = before;
    }
  });

  it("works with the generated PostgreSQL Prisma client", async () => {
    const prisma = createPrisma(url);
    try {
      const batch = await prisma.batch.create({
        data: { shop: "a.myshopify.com", source: "products", settingsHash: "h" },
      });
      const job = await prisma.imageJob.create({
        data: { shop: "a.myshopify.com", batchId: batch.id, productId: "p", mediaId: "m", settingsHash: "h" },
      });
      expect(job.state).toBe("queued");
      expect(job.runAfter).toBeInstanceOf(Date);
      await expect(
        prisma.imageJob.create({
          data: { shop: "a.myshopify.com", batchId: batch.id, productId: "p", mediaId: "m", settingsHash: "h" },
        }),
      ).rejects.toThrow(/Unique constraint/);
      await prisma.session.create({
        data: { id: "s1", shop: "a.myshopify.com", state: "x", accessToken: "t", userId: 9007199254740993n },
      });
      expect((await prisma.session.findUnique({ where: { id: "s1" } }))?.userId).toBe(9007199254740993n);
      await prisma.batch.delete({ where: { id: batch.id } });
      expect(await prisma.imageJob.count()).toBe(0); // ON DELETE CASCADE
      const raw = await prisma.$queryRawUnsafe<Array<{ v: string }>>("SELECT version() AS v");
      expect(raw[0]!.v).toMatch(/^PostgreSQL/);
    } finally {
      await prisma.$disconnect();
    }
  });
});
