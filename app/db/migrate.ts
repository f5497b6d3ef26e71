// Applies prisma/migrations/*/migration.sql in order and records each in `_prisma_migrations`
// exactly as `prisma migrate deploy` does (id, sha256 checksum of the file, timestamps, step count),
// so either tool can take over later. Used where Prisma's schema-engine binary cannot be downloaded
// (offline and air-gapped installs); `npm run setup` prefers `prisma migrate deploy` when it can run.
import { createHash, randomUUID } from "node:crypto";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { createClient, type Client } from "@libsql/client";

export interface MigrationResult {
  applied: string[];
  skipped: string[];
}

export function listMigrations(dir: string): Array<{ name: string; sql: string; checksum: string }> {
  if (!existsSync(dir)) throw new Error(`no migrations folder at ${dir}`);
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

const SQLITE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

/** Applies pending SQLite migrations. Refuses to continue past a migration that failed or was edited. */
export async function migrateSqlite(url: string, dir: string): Promise<MigrationResult> {
  const client: Client = createClient({ url });
  try {
    await client.execute(SQLITE_MIGRATIONS_TABLE);
    const rows = await client.execute(`SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"`);
    const done = new Map(rows.rows.map((r) => [String(r.migration_name), r]));
    const result: MigrationResult = { applied: [], skipped: [] };
    for (const m of listMigrations(dir)) {
      const row = done.get(m.name);
      if (row && row.rolled_back_at == null) {
        if (row.finished_at == null) throw new Error(`migration ${m.name} started earlier and did not finish; fix the database, then mark it rolled back`);
        if (String(row.checksum) !== m.checksum) throw new Error(`migration ${m.name} was edited after it was applied (checksum differs)`);
        result.skipped.push(m.name);
        continue;
      }
      const id = randomUUID();
      const steps = m.sql.split(/;\s*(?:\n|$)/).filter((s) => s.replace(/--.*$/gm, "").trim() !== "");
      await client.execute({ sql: `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES (?, ?, ?, ?, 0)`, args: [id, m.checksum, m.name, Date.now()] });
      await client.executeMultiple(`BEGIN;\n${m.sql}\nCOMMIT;`).catch(async (err: unknown) => {
        await client.execute("ROLLBACK").catch(() => undefined);
        await client.execute({ sql: `UPDATE "_prisma_migrations" SET logs = ? WHERE id = ?`, args: [String(err), id] });
        throw new Error(`migration ${m.name} failed: ${String(err)}`);
      });
      await client.execute({ sql: `UPDATE "_prisma_migrations" SET finished_at = ?, applied_steps_count = ? WHERE id = ?`, args: [Date.now(), steps.length, id] });
      result.applied.push(m.name);
    }
    return result;
  } finally {
    client.close();
  }
}
