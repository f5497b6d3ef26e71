// Which database a DATABASE_URL names: SQLite (`file:…`, the default) or PostgreSQL (`postgres://…`,
// `postgresql://…`, production). Everything that branches on the database asks this one function.
export type DatabaseKind = "sqlite" | "postgres";

export function databaseKind(url: string): DatabaseKind {
  if (url.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(url)) return "postgres";
  throw new Error(
    `DATABASE_URL ${redactUrl(url)} is not supported; use file:… (SQLite) or postgresql://… (PostgreSQL)`,
  );
}

/** The URL without its password, for messages and logs. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]*)(:[^@/]*)?@/, (_m, user: string) => `//${user ? `${user}:***` : "***"}@`);
}
