// vitest globalSetup for the PostgreSQL run: when LOUPE_TEST_DB=postgres, one throwaway server for
// the whole run (test files each get their own database on it through LOUPE_TEST_PG_URL); otherwise
// does nothing. Wire it into the integration project: `globalSetup: ["tests/support/postgres-global-setup.ts"]`.
import { startPostgres, type PgServer } from "./postgres";

let server: PgServer | null = null;

export async function setup(): Promise<void> {
  if (process.env.LOUPE_TEST_DB !== "postgres" || process.env.LOUPE_TEST_PG_URL) return;
  server = await startPostgres();
  process.env.LOUPE_TEST_PG_URL = server.url;
}

export async function teardown(): Promise<void> {
  await server?.stop();
}
