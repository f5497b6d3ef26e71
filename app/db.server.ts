// The Prisma client, on the Rust-free engine with a driver adapter chosen by DATABASE_URL.
import { PrismaClient } from "@prisma/client";
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { config } from "./config.server";

declare global {
  var __loupePrisma: PrismaClient | undefined;
}

export function createPrisma(url = config.databaseUrl): PrismaClient {
  if (!url.startsWith("file:")) {
    throw new Error(`DATABASE_URL ${redact(url)} is not supported by this build; use file:… (SQLite)`);
  }
  return new PrismaClient({ adapter: new PrismaLibSQL({ url }) });
}

function redact(url: string) {
  return url.replace(/\/\/[^@]*@/, "//***@");
}

/** One client per process (Remix dev reloads modules; keep the client across reloads). */
export const prisma: PrismaClient = globalThis.__loupePrisma ?? (globalThis.__loupePrisma = createPrisma());
export default prisma;
