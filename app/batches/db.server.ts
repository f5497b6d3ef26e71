// The Prisma client the batch services and the worker use: the process's client unless a test or a
// worker started on another database swaps it in.
import type { PrismaClient } from "@prisma/client";
import { installSqliteBusyTimeout } from "../db/sqlite-busy-timeout";

// The web and the workers share one SQLite file: every libSQL connection waits for locks.
installSqliteBusyTimeout();

let override: PrismaClient | null = null;
let fallback: PrismaClient | null = null;

export async function db(): Promise<PrismaClient> {
  if (override) return override;
  if (!fallback) fallback = (await import("../db.server")).prisma;
  return fallback;
}

/** Tests and the worker point the services at a client of their own (null restores the default). */
export function setDb(client: PrismaClient | null): void {
  override = client;
}

/** The same as setDb (the name other modules already import). */
export const useDb = setDb;
