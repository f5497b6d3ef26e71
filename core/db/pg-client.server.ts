// The Prisma client for PostgreSQL. A client generated for SQLite cannot drive the pg adapter, so
// provisioning generates a second one from prisma/postgres/schema.prisma (derived from
// prisma/schema.prisma: the same models) into node_modules/.prisma/client-pg. It is loaded lazily,
// so SQLite installs never touch it.
import { createRequire } from "node:module";
import type { PrismaClient } from "@prisma/client";
import { PrismaPg } from "@prisma/adapter-pg";

const require = createRequire(import.meta.url);

type PrismaClientClass = new (options: { adapter: PrismaPg }) => PrismaClient;

let cached: PrismaClientClass | null = null;

function loadPgClientClass(): PrismaClientClass {
  if (cached) return cached;
  let mod: { PrismaClient: unknown };
  try {
    mod = require(".prisma/client-pg/default.js") as { PrismaClient: unknown };
  } catch (err) {
    throw new Error(
      `the PostgreSQL Prisma client is not generated (node_modules/.prisma/client-pg): run \`npm run provision\` (${(err as Error).message.split("\n")[0]})`,
    );
  }
  // Both clients are generated from the same models (a unit test checks the schemas), so the
  // PostgreSQL client has exactly the model API of the SQLite-typed PrismaClient.
  cached = mod.PrismaClient as PrismaClientClass;
  return cached;
}

export interface PgPoolOptions {
  /** Connections per process (pg Pool `max`). */
  max?: number;
}

export function createPgPrisma(url: string, options: PgPoolOptions = {}): PrismaClient {
  const Client = loadPgClientClass();
  return new Client({
    adapter: new PrismaPg({ connectionString: url, max: options.max ?? Number(process.env.LOUPE_PG_POOL_MAX || 10) }),
  });
}
