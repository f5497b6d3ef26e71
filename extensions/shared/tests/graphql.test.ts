// The extensions' Admin queries are valid against Shopify's published 2026-10 schema, with deprecated
// fields rejected (the same check the repo applies to every tagged GraphQL operation).
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parse } from "graphql";
import { describe, expect, it } from "vitest";
import { validateOperation } from "../../../tests/fake-shopify/schema";
import { COLLECTION_SUMMARY_QUERY, PRODUCTS_SUMMARY_QUERY } from "../summary-queries";

describe("extension GraphQL operations", () => {
  it.each([
    ["RetouchCollectionSummary", COLLECTION_SUMMARY_QUERY],
    ["RetouchProductsSummary", PRODUCTS_SUMMARY_QUERY],
  ])("%s validates against the Admin schema without deprecated fields", (name, source) => {
    expect(source.trimStart().startsWith(`#${"graphql"}`)).toBe(true); // tagged, so the repo-wide scan finds it
    const doc = parse(source);
    expect(doc.definitions.map((d) => (d.kind === "OperationDefinition" ? d.name?.value : d.kind))).toEqual([name]);
    expect(validateOperation(doc).map((e) => e.message)).toEqual([]);
  });

  it("the validator does reject a deprecated field (Product.images)", () => {
    const bad = PRODUCTS_SUMMARY_QUERY.replace("mediaCount {", "images(first: 1) { nodes { id } } mediaCount {");
    expect(
      validateOperation(bad)
        .map((e) => e.message)
        .join("\n"),
    ).toMatch(/images.*deprecated/i);
  });

  it("no other GraphQL operation hides in the extensions' sources", () => {
    for (const f of [
      "retouch-collection/src/ActionExtension.tsx",
      "retouch-products/src/ActionExtension.tsx",
      "shared/summary.ts",
      "shared/start-batch.ts",
    ]) {
      expect(readFileSync(resolve(__dirname, "../..", f), "utf8"), f).not.toMatch(/\b(query|mutation)\s+\w+\s*[({]/);
    }
  });
});
