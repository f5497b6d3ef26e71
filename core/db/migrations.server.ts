// The migration files as `prisma migrate` sees them: one folder per migration holding migration.sql,
// applied in name order, each identified by the sha256 of its text (Prisma's checksum).
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrationResult {
  applied: string[];
  skipped: string[];
}

export function listMigrations(dir: string): Migration[] {
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

/** What a recorded row says about a migration file: apply it, skip it, or stop. */
export function recordedState(
  m: Migration,
  row: { checksum?: unknown; finished_at?: unknown; rolled_back_at?: unknown } | undefined,
): "apply" | "skip" {
  if (!row || row.rolled_back_at != null) return "apply";
  if (row.finished_at == null)
    throw new Error(
      `migration ${m.name} started earlier and did not finish; fix the database, then mark it rolled back`,
    );
  if (String(row.checksum) !== m.checksum)
    throw new Error(`migration ${m.name} was edited after it was applied (checksum differs)`);
  return "skip";
}
