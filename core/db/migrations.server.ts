// The migration files as `prisma migrate` sees them: one folder per migration holding migration.sql,
// applied in name order, each identified by the sha256 of its text (Prisma's checksum); and the walk that
// applies them (applyMigrations), which the SQLite and the PostgreSQL migrators drive.
import { createHash, randomUUID } from "node:crypto";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

type RecordedRow = { checksum?: unknown; finished_at?: unknown; rolled_back_at?: unknown };

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
export function recordedState(m: Migration, row: RecordedRow | undefined): "apply" | "skip" {
  if (!row || row.rolled_back_at != null) return "apply";
  if (row.finished_at == null)
    throw new Error(
      `migration ${m.name} started earlier and did not finish; fix the database, then mark it rolled back`,
    );
  if (String(row.checksum) !== m.checksum)
    throw new Error(`migration ${m.name} was edited after it was applied (checksum differs)`);
  return "skip";
}

/** How one database records migrations in its `_prisma_migrations` table and runs a script. */
export interface MigrationStore {
  recorded(): Promise<Map<string, RecordedRow>>;
  started(id: string, m: Migration): Promise<void>;
  /** The script in one transaction, rolled back (and the error thrown) when it fails. */
  run(m: Migration): Promise<void>;
  failed(id: string, err: unknown): Promise<void>;
  finished(id: string, m: Migration): Promise<void>;
}

/**
 * The walk both databases share: each migration folder in name order is skipped when recorded as
 * finished with the same checksum, refused when recorded unfinished or edited, else recorded as
 * started, run, and recorded as finished (or its error logged, and the walk stopped).
 */
export async function applyMigrations(dir: string, store: MigrationStore): Promise<MigrationResult> {
  const done = await store.recorded();
  const result: MigrationResult = { applied: [], skipped: [] };
  for (const m of listMigrations(dir)) {
    if (recordedState(m, done.get(m.name)) === "skip") {
      result.skipped.push(m.name);
      continue;
    }
    const id = randomUUID();
    await store.started(id, m);
    try {
      await store.run(m);
    } catch (err) {
      await store.failed(id, err);
      throw new Error(`migration ${m.name} failed: ${String(err)}`);
    }
    await store.finished(id, m);
    result.applied.push(m.name);
  }
  return result;
}
