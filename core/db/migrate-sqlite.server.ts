// Applies prisma/migrations/*/migration.sql to a SQLite database and records each in
// `_prisma_migrations` exactly as `prisma migrate deploy` does (id, sha256 checksum of the file,
// timestamps, step count), so either tool can take over later. The walk is migrations.server.ts's.
import { createClient } from "@libsql/client";
import { applyMigrations, type MigrationResult } from "./migrations.server";

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
  const client = createClient({ url });
  try {
    await client.execute(SQLITE_MIGRATIONS_TABLE);
    return await applyMigrations(dir, {
      async recorded() {
        const rows = await client.execute(
          `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"`,
        );
        return new Map(
          rows.rows.map((r) => [
            String(r.migration_name),
            { checksum: r.checksum, finished_at: r.finished_at, rolled_back_at: r.rolled_back_at },
          ]),
        );
      },
      async started(id, m) {
        await client.execute({
          sql: `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES (?, ?, ?, ?, 0)`,
          args: [id, m.checksum, m.name, Date.now()],
        });
      },
      async run(m) {
        await client.executeMultiple(`BEGIN;\n${m.sql}\nCOMMIT;`).catch(async (err: unknown) => {
          await client.execute("ROLLBACK").catch(() => undefined);
          throw err;
        });
      },
      async failed(id, err) {
        await client.execute({ sql: `UPDATE "_prisma_migrations" SET logs = ? WHERE id = ?`, args: [String(err), id] });
      },
      async finished(id, m) {
        // Prisma counts a SQLite migration's statements as its steps.
        const steps = m.sql.split(/;\s*(?:\n|$)/).filter((s) => s.replace(/--.*$/gm, "").trim() !== "");
        await client.execute({
          sql: `UPDATE "_prisma_migrations" SET finished_at = ?, applied_steps_count = ? WHERE id = ?`,
          args: [Date.now(), steps.length, id],
        });
      },
    });
  } finally {
    client.close();
  }
}
