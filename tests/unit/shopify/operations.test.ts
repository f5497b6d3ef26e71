// Every Admin GraphQL operation in the repository — tagged template literals marked with the graphql
// comment tag and .graphql files — is valid against Shopify's published 2026-10 schema, with
// deprecated fields and arguments rejected (NoDeprecatedCustomRule).
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { parse } from "graphql";
import { describe, expect, it } from "vitest";
import { validateOperation } from "../../fake-shopify/schema";

const ROOT = process.cwd();
const SKIP = new Set(["node_modules", "build", ".git", "vendor", "models", "data", "storage", ".cache"]);
const TAG = "#" + "graphql"; // split so this file's own text is not taken for an operation

function walk(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(e.name) || e.name.startsWith(".")) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (/\.(ts|tsx|js|mjs|graphql|gql)$/.test(e.name) && !e.name.endsWith(".d.ts")) out.push(p);
  }
  return out;
}

interface FoundOp {
  where: string;
  source: string;
}

function findOperations(): FoundOp[] {
  const found: FoundOp[] = [];
  const literal = new RegExp("`\\s*" + TAG + "\\b([\\s\\S]*?)`", "g");
  for (const file of walk(ROOT)) {
    const text = readFileSync(file, "utf8");
    const rel = relative(ROOT, file);
    if (/\.(graphql|gql)$/.test(file)) {
      found.push({ where: rel, source: text });
      continue;
    }
    for (const m of text.matchAll(literal)) {
      // A mention of the tag in a comment (or an empty literal) is not an operation.
      const line = text.slice(text.lastIndexOf("\n", m.index) + 1, m.index);
      if (/^\s*(\/\/|\*|\/\*)/.test(line) || m[1]!.trim() === "") continue;
      found.push({ where: `${rel}:${text.slice(0, m.index).split("\n").length}`, source: m[1]! });
    }
  }
  return found;
}

const ops = findOperations();

describe("Admin API operations", () => {
  it("finds Loupe's operations by scanning the repository", () => {
    const names = ops.flatMap((o) =>
      o.source.includes("${")
        ? []
        : parse(o.source).definitions.map((d) => ("name" in d && d.name ? d.name.value : "?")),
    );
    for (const expected of [
      "ProductMedia",
      "CollectionProducts",
      "StagedUpload",
      "ReplaceImage",
      "MediaStatus",
      "AckFailed",
      "RunBulk",
      "BulkStatus",
      "AddProductMedia",
      "ReorderMedia",
      "DetachMedia",
      "JobStatus",
      "BulkCollectionProducts",
    ]) {
      expect(names).toContain(expected);
    }
  });

  it.each(ops.map((o) => [o.where, o.source] as const))(
    "%s is static and valid against 2026-10 (no deprecated fields)",
    (_where, source) => {
      expect(source.includes("${"), "operations must be static text (use variables, not interpolation)").toBe(false);
      expect(validateOperation(source).map((e) => e.message)).toEqual([]);
    },
  );

  it("rejects deprecated fields, arguments and mutations", () => {
    const deprecated = [
      `query { product(id: "gid://shopify/Product/1") { images(first: 1) { nodes { id } } } }`,
      `query { product(id: "gid://shopify/Product/1") { featuredImage { url } } }`,
      `mutation($p: ID!, $m: [CreateMediaInput!]!) { productCreateMedia(productId: $p, media: $m) { media { id } } }`,
      `mutation($i: ProductInput!) { productUpdate(input: $i) { product { id } } }`,
      `query { currentBulkOperation { id } }`,
    ];
    for (const op of deprecated) {
      const messages = validateOperation(op).map((e) => e.message);
      expect(messages.length, op).toBeGreaterThan(0);
      expect(messages.join(" "), op).toMatch(/deprecated/i);
    }
  });

  it("rejects fields that do not exist", () => {
    expect(
      validateOperation(`query { product(id: "x") { media(first: 1) { nodes { position } } } }`).map((e) => e.message),
    ).toEqual(['Cannot query field "position" on type "Media".']);
  });
});
