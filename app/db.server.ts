// The Prisma client, on the Rust-free engine with a driver adapter chosen by DATABASE_URL:
// `file:…` → SQLite (libSQL adapter, the default), `postgresql://…` → PostgreSQL (pg adapter).
import { PrismaClient } from "@prisma/client";
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { config } from "./config.server";
import { createPgPrisma } from "./db/pg-client";
import { databaseKind } from "./db/url";
import { installSqliteBusyTimeout } from "./db/sqlite-busy-timeout";

declare global {
  var __loupePrisma: PrismaClient | undefined;
}

export function createPrisma(url = config.databaseUrl): PrismaClient {
  if (databaseKind(url) === "postgres") return createPgPrisma(url);
  // Web, workers and the demo share one SQLite file: every connection waits for locks.
  installSqliteBusyTimeout();
  return new PrismaClient({ adapter: new PrismaLibSQL({ url }) });
}

/** One client per process (Remix dev reloads modules; keep the client across reloads). */
export const prisma: PrismaClient = globalThis.__loupePrisma ?? (globalThis.__loupePrisma = createPrisma());
export default prisma;
