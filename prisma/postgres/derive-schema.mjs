// Derives prisma/postgres/schema.prisma from prisma/schema.prisma: the same models, with the
// datasource switched to PostgreSQL and the client generated into its own folder (a client
// generated for SQLite cannot drive the pg adapter). Provisioning writes the result; a unit test
// checks the committed file equals the derivation, so the two schemas cannot drift.
// Plain .mjs so `scripts/provision.mjs` (run by postinstall, before tsx exists) can import it.

export const PG_CLIENT_OUTPUT = "../../node_modules/.prisma/client-pg";

const HEADER =
  "// GENERATED from prisma/schema.prisma by prisma/postgres/derive-schema.mjs (npm run provision).\n" +
  "// Do not edit: change prisma/schema.prisma, then add a migration under prisma/postgres/migrations.\n\n";

/** @param {string} sqliteSchema @returns {string} */
export function derivePostgresSchema(sqliteSchema) {
  const generator = /generator client \{([^}]*)\}/;
  const datasource = /datasource db \{[^}]*\}/;
  if (!generator.test(sqliteSchema)) throw new Error("schema.prisma has no `generator client { … }` block");
  if (!datasource.test(sqliteSchema)) throw new Error("schema.prisma has no `datasource db { … }` block");
  if (/\bprovider\s*=\s*"sqlite"/.test(sqliteSchema) === false)
    throw new Error('schema.prisma datasource is not provider = "sqlite"');
  const out = sqliteSchema
    .replace(generator, (_m, body) => {
      if (/\boutput\s*=/.test(body))
        throw new Error("schema.prisma generator already sets output; the derivation needs the default");
      return `generator client {${body.replace(/\n$/, "")}\n  output     = "${PG_CLIENT_OUTPUT}"\n}`;
    })
    .replace(datasource, 'datasource db {\n  provider = "postgresql"\n  url      = env("DATABASE_URL")\n}');
  return HEADER + out;
}

/** The two schemas with the parts the derivation changes removed: equal when nothing drifted. */
export function modelsOnly(schema) {
  return schema
    .replace(/^\/\/ GENERATED[^\n]*\n\/\/ Do not edit[^\n]*\n\n/, "")
    .replace(/generator client \{[^}]*\}/, "")
    .replace(/datasource db \{[^}]*\}/, "");
}
