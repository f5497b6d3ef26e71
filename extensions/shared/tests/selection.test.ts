import { describe, expect, it } from "vitest";
import { collectionSelection, productsSelection } from "../selection";
import type { QueryFn } from "../summary";

/** A shopify.query stand-in that records the variables of each call and answers with one product. */
function recorder(): { query: QueryFn; calls: Record<string, unknown>[] } {
  const calls: Record<string, unknown>[] = [];
  const query: QueryFn = async (_q, options) => {
    calls.push(options?.variables ?? {});
    const product = { id: "gid://shopify/Product/1", mediaCount: { count: 3, precision: "EXACT" } };
    return {
      data: {
        collection: {
          title: "Rings",
          productsCount: { count: 1, precision: "EXACT" },
          products: { pageInfo: { hasNextPage: false, endCursor: null }, nodes: [product] },
        },
        nodes: [product],
      },
    };
  };
  return { query, calls };
}

describe("admin action selections", () => {
  it("a collection's page retouches its first selected entry", async () => {
    const s = collectionSelection([{ id: "gid://shopify/Collection/7" }, { id: "gid://shopify/Collection/8" }]);
    expect(s).toMatchObject({
      key: "gid://shopify/Collection/7",
      scope: "collection",
      target: { collectionId: "gid://shopify/Collection/7" },
    });
    const r = recorder();
    const summary = await s.load(r.query);
    expect(r.calls[0]).toMatchObject({ id: "gid://shopify/Collection/7" });
    expect(summary).toMatchObject({ title: "Rings", products: 1, images: 3 });
  });

  it("the product list retouches every selected product, and its key changes with the selection", async () => {
    const a = productsSelection([{ id: "gid://shopify/Product/1" }, { id: "gid://shopify/Product/2" }]);
    const b = productsSelection([{ id: "gid://shopify/Product/1" }]);
    expect(a.target).toEqual({ productIds: ["gid://shopify/Product/1", "gid://shopify/Product/2"] });
    expect(a.scope).toBe("products");
    expect(a.key).not.toBe(b.key);
    const r = recorder();
    await a.load(r.query);
    expect(JSON.stringify(r.calls[0])).toContain("gid://shopify/Product/2");
  });

  it("an empty selection starts nothing", () => {
    expect(productsSelection([]).target).toEqual({ productIds: [] });
    expect(collectionSelection([]).target).toEqual({ collectionId: "" });
  });
});
