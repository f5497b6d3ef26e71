// SQLite settings for a database that a web process and workers write at once: a busy timeout, so a
// writer waits for another instead of failing. (WAL would make commits cheaper, but libsql's local
// files fail with "disk I/O error" when several processes open a WAL database; measured here.)
import type { PrismaClient } from "@prisma/client";

export async function tuneSqlite(db: PrismaClient, url: string): Promise<void> {
  if (!url.startsWith("file:")) return;
  try {
    await db.$queryRawUnsafe("PRAGMA busy_timeout=10000");
  } catch (err) {
    console.error(`worker: could not tune SQLite (${err instanceof Error ? err.message : err}); continuing`);
  }
}
