// Applies prisma/postgres/migrations/*/migration.sql to PostgreSQL and records each in
// `_prisma_migrations` the way `prisma migrate deploy` does on PostgreSQL (same table definition,
// same advisory lock, sha256 checksum, one step per migration script), so either tool can take over.
// Each migration runs in one transaction (PostgreSQL DDL is transactional): a failure leaves the
// database as it was and the row with its logs and no finished_at, which blocks later runs. The walk
// is migrations.server.ts's.
import pg from "pg";
import { applyMigrations, type MigrationResult } from "./migrations.server";

/** Prisma's advisory lock key for migrations (schema-engine's `ADVISORY_LOCK_TIMEOUT` lock). */
const PRISMA_MIGRATE_LOCK = 72707369;

const PG_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export async function migratePostgres(url: string, dir: string): Promise<MigrationResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // Two processes running setup at once (several workers starting) must not both migrate.
    await client.query("SELECT pg_advisory_lock($1)", [PRISMA_MIGRATE_LOCK]);
    await client.query(PG_MIGRATIONS_TABLE);
    return await applyMigrations(dir, {
      async recorded() {
        const rows = await client.query<{
          migration_name: string;
          checksum: string;
          finished_at: Date | null;
          rolled_back_at: Date | null;
        }>(
          `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at`,
        );
        return new Map(rows.rows.map((r) => [r.migration_name, r]));
      },
      async started(id, m) {
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, applied_steps_count) VALUES ($1, $2, $3, 0)`,
          [id, m.checksum, m.name],
        );
      },
      async run(m) {
        try {
          await client.query(`BEGIN;\n${m.sql}\n;COMMIT;`);
        } catch (err) {
          await client.query("ROLLBACK").catch(() => undefined);
          throw err;
        }
      },
      async failed(id, err) {
        await client.query(`UPDATE "_prisma_migrations" SET logs = $1 WHERE id = $2`, [String(err), id]);
      },
      async finished(id) {
        await client.query(
          `UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`,
          [id],
        );
      },
    });
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [PRISMA_MIGRATE_LOCK]).catch(() => undefined);
    await client.end();
  }
}
