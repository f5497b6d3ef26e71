// prisma/postgres/schema.prisma is derived from prisma/schema.prisma (provider swapped, its own client
// output); the two must hold the same models, and each SQLite migration needs a PostgreSQL twin.
import { readFileSync, readdirSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { derivePostgresSchema, modelsOnly } from "../../../prisma/postgres/derive-schema.mjs";

const sqlite = readFileSync(resolve("prisma/schema.prisma"), "utf8");
const postgres = readFileSync(resolve("prisma/postgres/schema.prisma"), "utf8");

describe("the PostgreSQL schema is prisma/schema.prisma with the provider swapped", () => {
  it("equals the derivation (run `npm run provision` after editing prisma/schema.prisma)", () => {
    expect(postgres).toBe(derivePostgresSchema(sqlite));
  });

  it("differs only in the generator output and the datasource", () => {
    expect(modelsOnly(postgres)).toBe(modelsOnly(sqlite));
    expect(postgres).toMatch(/provider = "postgresql"\n\s*url\s*= env\("DATABASE_URL"\)/);
    expect(postgres).toContain('output     = "../../node_modules/.prisma/client-pg"');
    expect(postgres).toContain('engineType = "client"');
    expect(postgres).not.toContain('"sqlite"');
  });

  it("refuses a schema it cannot derive from", () => {
    expect(() => derivePostgresSchema(sqlite.replace('provider = "sqlite"', 'provider = "mysql"'))).toThrow(
      /not provider = "sqlite"/,
    );
    expect(() => derivePostgresSchema(sqlite.replace(/generator client \{/, "generator other {"))).toThrow(
      /generator client/,
    );
  });

  it("has a PostgreSQL migration for every SQLite migration, by the same name", () => {
    const names = (dir: string) =>
      readdirSync(resolve(dir), { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort();
    const pg = names("prisma/postgres/migrations");
    expect(pg.length).toBeGreaterThan(0);
    expect(pg).toEqual(names("prisma/migrations"));
    expect(readFileSync(resolve("prisma/postgres/migrations/migration_lock.toml"), "utf8")).toContain(
      'provider = "postgresql"',
    );
  });
});
