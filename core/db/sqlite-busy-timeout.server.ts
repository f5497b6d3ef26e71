// SQLite (libSQL) shared by several processes (web, workers, the demo's two clients): every
// connection must wait for a lock instead of failing at once. @libsql/client opens a fresh
// connection after each transaction (Prisma runs every updateMany/createMany in one) and offers no
// busy-timeout option, so a per-connection PRAGMA is lost, and a COMMIT that meets another process's
// lock fails with SQLITE_BUSY — measured here: Prisma's libSQL adapter then wedges ("Transaction
// already closed", then "Operation has timed out" on every query). This sets busy_timeout on every
// libSQL connection of the process, the first time it is used. Idempotent.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const FLAG = Symbol.for("loupe.sqlite.busyTimeout");
export const BUSY_TIMEOUT_MS = 15_000;

interface LibsqlDatabase {
  prepare(sql: string): unknown;
  exec(sql: string): unknown;
  [FLAG]?: boolean;
}

/** Every copy of libsql the process may load: ours, and the one nested under Prisma's adapter. */
function libsqlCopies(): Array<{ prototype: LibsqlDatabase }> {
  const found = new Set<{ prototype: LibsqlDatabase }>();
  const from = [require];
  try {
    from.push(createRequire(require.resolve("@prisma/adapter-libsql")));
  } catch {
    /* adapter not installed */
  }
  for (const r of from) {
    try {
      found.add(r("libsql") as { prototype: LibsqlDatabase });
    } catch {
      /* not resolvable from there */
    }
  }
  return [...found];
}

export function installSqliteBusyTimeout(): void {
  for (const Database of libsqlCopies()) patch(Database.prototype);
}

function patch(proto: LibsqlDatabase): void {
  if (Object.prototype.hasOwnProperty.call(proto, FLAG)) return;
  const prepare = proto.prepare;
  const exec = proto.exec;
  const ensure = (db: LibsqlDatabase) => {
    if (Object.prototype.hasOwnProperty.call(db, FLAG)) return;
    Object.defineProperty(db, FLAG, { value: true });
    try {
      exec.call(db, `PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`);
    } catch {
      /* a closed or remote connection: nothing to tune */
    }
  };
  proto.prepare = function (this: LibsqlDatabase, sql: string) {
    ensure(this);
    return prepare.call(this, sql);
  };
  proto.exec = function (this: LibsqlDatabase, sql: string) {
    ensure(this);
    return exec.call(this, sql);
  };
  Object.defineProperty(proto, FLAG, { value: true });
}
