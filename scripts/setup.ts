// `npm run setup`: bring the database up to date. Uses `prisma migrate deploy` when Prisma's
// schema-engine binary is available; otherwise applies the same migration files itself (offline).
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { config } from "../core/config.server";
import { migrate, schemaPath } from "../core/db/migrate.server";
import { databaseKind } from "../core/db/url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

function schemaEngineAvailable(): boolean {
  if (process.env.PRISMA_SCHEMA_ENGINE_BINARY && existsSync(process.env.PRISMA_SCHEMA_ENGINE_BINARY)) return true;
  const dir = resolve(root, "node_modules/@prisma/engines");
  return existsSync(dir) && readdirSync(dir).some((f) => f.startsWith("schema-engine"));
}

export async function setupDatabase(url = config.databaseUrl): Promise<string> {
  if (databaseKind(url) === "sqlite") mkdirSync(dirname(url.slice(5)), { recursive: true });
  if (schemaEngineAvailable() && process.env.LOUPE_OWN_MIGRATOR !== "1") {
    execFileSync(resolve(root, "node_modules/.bin/prisma"), ["migrate", "deploy", "--schema", schemaPath(url, root)], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: url },
      stdio: "inherit",
    });
    return "prisma migrate deploy";
  }
  // SQLite: prisma/migrations; PostgreSQL: prisma/postgres/migrations (core/db/migrate.server.ts).
  const r = await migrate(url, root);
  return `applied ${r.applied.length} migration(s), ${r.skipped.length} already applied`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  setupDatabase()
    .then((msg) => console.error(`setup: database ready (${msg})`))
    .catch((err) => {
      console.error(`setup: ${err instanceof Error ? err.message : err}`);
      process.exit(1);
    });
}
