import { describe, expect, it } from "vitest";
import { COLLECTION_SUMMARY_QUERY, PRODUCTS_SUMMARY_QUERY } from "../summary-queries";
import { SummaryError, loadCollectionSummary, loadProductsSummary, summaryView, type QueryFn } from "../summary";
import { readLocale, translate } from "./translate";

type Call = { query: string; variables: Record<string, unknown> | undefined };

function fakeQuery(answers: Array<{ data?: unknown; errors?: Array<{ message: string }> }>) {
  const calls: Call[] = [];
  const query: QueryFn = async (q, o) => {
    calls.push({ query: q, variables: o?.variables });
    const a = answers.shift();
    if (!a) throw new Error("unexpected extra query");
    return a;
  };
  return { query, calls };
}

const product = (n: number, media: number, precision = "EXACT") => ({
  id: `gid://shopify/Product/${n}`,
  mediaCount: { count: media, precision },
});
const collectionPage = (nodes: unknown[], next: string | null, productsCount = { count: 3, precision: "EXACT" }) => ({
  data: {
    collection: {
      id: "gid://shopify/Collection/7",
      title: "Rings",
      productsCount,
      products: { pageInfo: { hasNextPage: next !== null, endCursor: next }, nodes },
    },
  },
});

describe("loadCollectionSummary", () => {
  it("pages through the collection's products and adds up their media", async () => {
    const { query, calls } = fakeQuery([
      collectionPage([product(1, 4), product(2, 0)], "c1"),
      collectionPage([product(3, 2)], null),
    ]);
    expect(await loadCollectionSummary(query, "gid://shopify/Collection/7")).toEqual({
      title: "Rings",
      products: 3,
      images: 6,
      exact: true,
      counted: 3,
    });
    expect(calls.map((c) => c.variables)).toEqual([
      { id: "gid://shopify/Collection/7", after: null },
      { id: "gid://shopify/Collection/7", after: "c1" },
    ]);
    expect(calls[0]!.query).toBe(COLLECTION_SUMMARY_QUERY);
  });

  it("stops after maxPages and says the image count is a lower bound", async () => {
    const { query, calls } = fakeQuery([
      collectionPage([product(1, 3)], "c1", { count: 4000, precision: "EXACT" }),
      collectionPage([product(2, 5)], "c2", { count: 4000, precision: "EXACT" }),
    ]);
    expect(await loadCollectionSummary(query, "gid://shopify/Collection/7", 2)).toEqual({
      title: "Rings",
      products: 4000,
      images: 8,
      exact: false,
      counted: 2,
    });
    expect(calls).toHaveLength(2);
  });

  it("passes Shopify's AT_LEAST precision on", async () => {
    const { query } = fakeQuery([
      collectionPage([product(1, 250, "AT_LEAST")], null, { count: 1, precision: "EXACT" }),
    ]);
    expect((await loadCollectionSummary(query, "gid://shopify/Collection/7")).exact).toBe(false);
  });

  it("fails with Shopify's messages on GraphQL errors, and on an unknown collection", async () => {
    await expect(loadCollectionSummary(fakeQuery([{ errors: [{ message: "Throttled" }] }]).query, "x")).rejects.toThrow(
      new SummaryError("Throttled"),
    );
    await expect(
      loadCollectionSummary(fakeQuery([{ data: { collection: null } }]).query, "gid://shopify/Collection/9"),
    ).rejects.toThrow("collection gid://shopify/Collection/9 not found");
  });
});

describe("loadProductsSummary", () => {
  it("asks for at most 250 ids per call, skips deleted products, and adds up their media", async () => {
    const ids = Array.from({ length: 300 }, (_, i) => `gid://shopify/Product/${i + 1}`);
    const { query, calls } = fakeQuery([
      { data: { nodes: [...Array.from({ length: 249 }, (_, i) => product(i + 1, 2)), null] } },
      { data: { nodes: Array.from({ length: 50 }, (_, i) => product(i + 251, 1)) } },
    ]);
    expect(await loadProductsSummary(query, [...ids, ids[0]!])).toEqual({
      title: null,
      products: 299,
      images: 548,
      exact: true,
      counted: 299,
    });
    expect(calls.map((c) => (c.variables!.ids as string[]).length)).toEqual([250, 50]);
    expect(calls[1]!.variables!.ids).toEqual(ids.slice(250));
    expect(calls[0]!.query).toBe(PRODUCTS_SUMMARY_QUERY);
  });
});

describe("summaryView, in the merchant's words", () => {
  const en = readLocale("retouch-collection");
  const say = (v: ReturnType<typeof summaryView>) =>
    v.kind === "ready" ? v.lines.map((l) => translate(en, l)) : [translate(en, v.message)];

  it("tells how many products and images", () => {
    expect(say(summaryView({ title: "Rings", products: 3, images: 6, exact: true, counted: 3 }, "collection"))).toEqual(
      ["3 products in Rings.", "Up to 6 images to retouch."],
    );
    expect(say(summaryView({ title: null, products: 1, images: 1, exact: true, counted: 1 }, "products"))).toEqual([
      "1 product selected.",
      "Up to 1 image to retouch.",
    ]);
    expect(
      say(summaryView({ title: "Rings", products: 4000, images: 8, exact: false, counted: 100 }, "collection")),
    ).toEqual([
      "4000 products in Rings.",
      "At least 8 images to retouch.",
      "This is a big collection: Loupe counted the images of the first 100 products. The batch covers them all.",
    ]);
  });

  it("says when there is nothing to retouch", () => {
    expect(say(summaryView({ title: "Empty", products: 0, images: 0, exact: true, counted: 0 }, "collection"))).toEqual(
      ["There are no products to retouch here."],
    );
    expect(say(summaryView({ title: null, products: 2, images: 0, exact: true, counted: 2 }, "products"))).toEqual([
      "These products have no photos to retouch.",
    ]);
  });
});
