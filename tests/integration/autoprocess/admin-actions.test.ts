// The admin action extensions' logic (extensions/shared) against the real pieces it talks to: its
// GraphQL count queries run on the schema-faithful fake Admin API (seeded demo store), and its
// POST /api/batches request goes through the app's real route (session-token auth, batch service).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@prisma/client";
import { API_KEY, SHOP, startHarness, type Harness } from "../shopify/harness";
import { forgetProcessPrisma } from "./harness";
import { mintSessionToken } from "../../../app/demo/session-token.server";
import {
  loadCollectionSummary,
  loadProductsSummary,
  summaryView,
  type QueryFn,
} from "../../../extensions/shared/summary";
import { startBatch } from "../../../extensions/shared/start-batch";

let h: Harness;
let prisma: PrismaClient;
let query: QueryFn;

beforeAll(async () => {
  await forgetProcessPrisma();
  h = await startHarness({ autoWebhooks: false });
  await h.install();
  prisma = (await import("../../../core/db.server")).db();
  const session = await prisma.session.findFirstOrThrow({ where: { shop: SHOP, isOnline: false } });
  // shopify.query() in the admin: the Admin GraphQL API with the user's rights; here the offline token.
  query = async (q, o) => {
    const res = await fetch(`${h.fake.url}/_host/${SHOP}/admin/api/2026-10/graphql.json`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Shopify-Access-Token": session.accessToken },
      body: JSON.stringify({ query: q, variables: o?.variables ?? {} }),
    });
    return (await res.json()) as { data?: unknown; errors?: Array<{ message: string }> };
  };
});
afterAll(async () => {
  await forgetProcessPrisma();
  await h?.close();
});

/** A relative fetch from an admin extension: to the app's URL, with the session token attached. */
function extensionFetch(token: string) {
  return async (url: string, init: { method: "POST"; headers: Record<string, string>; body: string }) => {
    const { action } = await import("../../../app/routes/api.batches");
    const request = new Request(new URL(url, h.appUrl), {
      ...init,
      headers: { ...init.headers, Authorization: `Bearer ${token}` },
    });
    try {
      return await action({ request, params: {}, context: {} });
    } catch (thrown) {
      if (thrown instanceof Response) return thrown;
      throw thrown;
    }
  };
}

describe("admin action logic against the fake Shopify and the app's API route", () => {
  it("counts a collection's products and media exactly as the store holds them", async () => {
    const c = h.fake.state().collections[0]!;
    const products = h.fake.state().products.filter((p) => c.productIds.includes(p.id));
    const images = products.reduce((n, p) => n + p.media.length, 0);
    expect(products.length).toBeGreaterThan(0);
    expect(await loadCollectionSummary(query, c.id)).toEqual({
      title: c.title,
      products: products.length,
      images,
      exact: true,
      counted: products.length,
    });
  });

  it("counts selected products (an unknown id is skipped)", async () => {
    const [a, b] = h.fake.state().products;
    const s = await loadProductsSummary(query, [a!.id, b!.id, "gid://shopify/Product/999999"]);
    expect(s).toEqual({ title: null, products: 2, images: a!.media.length + b!.media.length, exact: true, counted: 2 });
    expect(summaryView(s, "products").kind).toBe("ready");
  });

  it("starts a collection batch through POST /api/batches and links to it", async () => {
    const c = h.fake.state().collections[0]!;
    const o = await startBatch(extensionFetch(h.token()), { collectionId: c.id });
    expect(o.kind).toBe("started");
    if (o.kind !== "started") return;
    expect(o.batch.status).toBe("pulling");
    expect(o.link).toBe(`app:app/batches/${o.batch.id}`);
    expect(o.message.key).toBe("startedCollecting");
    const row = await prisma.batch.findUniqueOrThrow({ where: { id: o.batch.id } });
    expect([row.shop, row.source, row.collectionId]).toEqual([SHOP, "collection", c.id]);
  });

  it("starts a product batch with the selected ids", async () => {
    const ids = h.fake
      .state()
      .products.slice(0, 2)
      .map((p) => p.id);
    const o = await startBatch(extensionFetch(h.token()), { productIds: ids });
    expect(o.kind).toBe("started");
    if (o.kind !== "started") return;
    const row = await prisma.batch.findUniqueOrThrow({ where: { id: o.batch.id } });
    expect([row.source, JSON.parse(row.productIds)]).toEqual(["products", ids]);
  });

  it("a bad session token, or ids the route refuses, come back as plain-word errors", async () => {
    const forged = mintSessionToken({ shop: SHOP, apiKey: API_KEY, apiSecret: "not-the-secret" });
    expect(await startBatch(extensionFetch(forged), { productIds: ["gid://shopify/Product/1"] })).toEqual({
      kind: "error",
      message: { key: "errSession" },
      canRetry: false,
    });
    expect(await startBatch(extensionFetch(h.token()), { productIds: ["not-a-product"] })).toEqual({
      kind: "error",
      message: { key: "errRejected", params: { reason: '"not-a-product" is not a product id.' } },
      canRetry: false,
    });
  });
});
