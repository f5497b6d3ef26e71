// The one way to the database: db() is the process's Prisma client, on the Rust-free engine with a
// driver adapter chosen by DATABASE_URL (`file:…` → SQLite via libSQL, the default; `postgresql://…` →
// PostgreSQL via pg). A worker started on another database, and the tests, put their own client in
// place with setDb(); every module, the Shopify session storage included, then uses that one.
import { PrismaClient } from "@prisma/client";
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { config } from "./config.server";
import { createPgPrisma } from "./db/pg-client.server";
import { databaseKind } from "./db/url";
import { installSqliteBusyTimeout } from "./db/sqlite-busy-timeout.server";

declare global {
  var __loupePrisma: PrismaClient | undefined;
}

// The web and the workers share one SQLite file: every libSQL connection waits for locks, whoever
// made the client.
installSqliteBusyTimeout();

export function createPrisma(url = config.databaseUrl): PrismaClient {
  if (databaseKind(url) === "postgres") return createPgPrisma(url);
  return new PrismaClient({ adapter: new PrismaLibSQL({ url }) });
}

let override: PrismaClient | null = null;

/** The client every module uses: setDb()'s, else one per process (kept across Remix dev reloads). */
export function db(): PrismaClient {
  return override ?? (globalThis.__loupePrisma ??= createPrisma());
}

/** Points every module at another client (a worker's own database, a test's); null restores the default. */
export function setDb(client: PrismaClient | null): void {
  override = client;
}
