// Brings a database up to date from the migration files, without Prisma's schema-engine binary
// (offline and air-gapped installs; `npm run setup` prefers `prisma migrate deploy` when it can run).
// SQLite: prisma/migrations. PostgreSQL: prisma/postgres/migrations (same names, PostgreSQL SQL).
import { resolve } from "node:path";
import { migratePostgres } from "./migrate-postgres.server";
import { migrateSqlite } from "./migrate-sqlite.server";
import type { MigrationResult } from "./migrations.server";
import { databaseKind } from "./url";

export { listMigrations, type Migration, type MigrationResult } from "./migrations.server";
export { migrateSqlite } from "./migrate-sqlite.server";
export { migratePostgres } from "./migrate-postgres.server";

/** The migrations folder for a database URL, under the project root. */
export function migrationsDir(url: string, root = process.cwd()): string {
  return databaseKind(url) === "postgres"
    ? resolve(root, "prisma/postgres/migrations")
    : resolve(root, "prisma/migrations");
}

/** The Prisma schema for a database URL (for `prisma migrate deploy --schema`). */
export function schemaPath(url: string, root = process.cwd()): string {
  return databaseKind(url) === "postgres"
    ? resolve(root, "prisma/postgres/schema.prisma")
    : resolve(root, "prisma/schema.prisma");
}

export function migrate(url: string, root = process.cwd()): Promise<MigrationResult> {
  return databaseKind(url) === "postgres"
    ? migratePostgres(url, migrationsDir(url, root))
    : migrateSqlite(url, migrationsDir(url, root));
}
