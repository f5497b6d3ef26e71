// The less common paths: a bulk operation for a collection, the add/reorder/detach fallback when an
// in-place replace is refused, and a fake Shopify restarted from its saved state.
import { join } from "node:path";
import sharp from "sharp";
import type { PrismaClient } from "@prisma/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeShopify } from "../../fake-shopify/server";
import { API_KEY, API_SECRET, SHOP, startHarness, type Harness } from "./harness";

let h: Harness;
let prisma: PrismaClient;

beforeAll(async () => {
  h = await startHarness({ autoWebhooks: false });
  await h.install();
  prisma = (await import("../../../core/db.server")).db();
});
afterAll(async () => {
  await prisma?.$disconnect();
  await h?.close();
});

describe("bulk operations", () => {
  it("lists a collection's products with bulkOperationRunQuery + bulkOperation(id:) and the JSONL result", async () => {
    const { getAdminClient } = await import("../../../core/shopify/admin-client.server");
    const { listCollectionProductsBulk } = await import("../../../core/shopify/bulk.server");
    const collection = h.fake.state().collections[0]!;
    const since = h.fake.state().log.length;
    const products = await listCollectionProductsBulk(await getAdminClient(SHOP), collection.id, { scale: 0.05 });
    expect(products.map((p) => p.id)).toEqual(collection.productIds);
    expect(products[0]!.title).toBe("14k Rose Gold Halo Ring");
    const ops = h.fake
      .state()
      .log.slice(since)
      .map((l) => l.operation);
    expect(ops[0]).toBe("RunBulk");
    expect(ops.filter((o) => o === "BulkStatus").length).toBeGreaterThanOrEqual(1);
    expect(
      h.fake
        .state()
        .log.slice(since)
        .filter((l) => l.errors?.length),
    ).toEqual([]);
  });
});

describe("a 2,000-product collection", () => {
  it("pulls every product WITH its media in one bulk operation, within Shopify's cost limits (the fake's meter)", async () => {
    const store = h.fake.store;
    const blob = store.putBlob(
      await sharp({ create: { width: 64, height: 64, channels: 3, background: "#ccc" } })
        .jpeg()
        .toBuffer(),
    );
    const iso = new Date().toISOString();
    const collectionId = store.nextId("Collection");
    const productIds: string[] = [];
    for (let i = 0; i < 2000; i++) {
      const id = store.nextId("Product");
      const mediaIds = [0, 1].map((k) => {
        const fid = store.nextId("MediaImage");
        store.data.files[fid] = {
          id: fid,
          shop: SHOP,
          alt: `Piece ${i}`,
          mimeType: "image/jpeg",
          width: 64,
          height: 64,
          blobSha: blob,
          version: 1,
          filename: `piece-${i}-${k}.jpg`,
          status: "READY",
          pending: null,
          errors: [],
          productIds: [id],
          createdAt: iso,
          updatedAt: iso,
        };
        return fid;
      });
      store.data.products[id] = {
        id,
        shop: SHOP,
        title: `Piece ${i}`,
        handle: `piece-${i}`,
        tags: [],
        productType: "Ring",
        vendor: "Test",
        mediaIds,
        variants: [],
        createdAt: iso,
        updatedAt: iso,
      };
      productIds.push(id);
    }
    store.data.collections[collectionId] = {
      id: collectionId,
      shop: SHOP,
      title: "Everything",
      handle: "everything",
      productIds,
    };
    const { realShopify } = await import("../../../workers/jobs/deps");
    const shopify = await realShopify();
    const since = h.fake.state().log.length;
    const spent = store.spent.get(SHOP) ?? 0;
    const listed = await shopify.listCollection(SHOP, collectionId);
    expect(listed.products).toHaveLength(2000);
    expect(
      listed.products.every((p) => p.images?.length === 2 && p.images.every((m) => m.status === "READY" && m.url)),
    ).toBe(true);
    expect(listed.products[1999]!.images!.map((m) => m.position)).toEqual([0, 1]);
    const ops = h.fake.state().log.slice(since);
    expect(ops.filter((l) => l.operation === "ProductMedia")).toEqual([]); // no media query per product
    expect(ops.filter((l) => l.throttled)).toEqual([]);
    // Well inside one standard bucket (2,000 points); one ProductMedia per product would be ~206,000.
    expect((store.spent.get(SHOP) ?? 0) - spent).toBeLessThan(500);
  });
});

describe("replacing when Shopify refuses an in-place update", () => {
  it("adds the new image, moves it to the old position with the old alt, and detaches the old one", async () => {
    const { publishMedia } = await import("../../../core/shopify/publish.server");
    const p = h.fake.state().products.find((x) => x.media.length === 3)!;
    const old = p.media[1]!;
    const png = await sharp({
      create: { width: 500, height: 500, channels: 4, background: { r: 250, g: 248, b: 244, alpha: 1 } },
    })
      .png()
      .toBuffer();
    const r = await publishMedia({
      shop: SHOP,
      jobId: "job-png",
      productId: p.id,
      mediaId: old.id,
      bytes: png,
      mimeType: "image/png",
      filename: "retouched.png",
      kind: "publish",
    });
    expect(r.mediaId).not.toBe(old.id);
    const now = h.fake.state().products.find((x) => x.id === p.id)!;
    expect(now.media.map((m) => m.id)).toEqual([p.media[0]!.id, r.mediaId, p.media[2]!.id]);
    expect(now.media[1]).toMatchObject({ alt: old.alt, position: 1, sha256: r.sha256, status: "READY" });
    // The old file is detached, not deleted: it stays in Files (revert can use it).
    expect(h.fake.store.data.files[old.id]!.productIds).toEqual([]);
    const ledger = await prisma.mediaLedger.findFirst({ where: { jobId: "job-png" } });
    expect(ledger).toMatchObject({ state: "ready", mediaId: r.mediaId });
    const log = h.fake.state().log.map((l) => l.operation);
    expect(log).toEqual(
      expect.arrayContaining(["ReplaceImage", "AddProductMedia", "ReorderMedia", "VariantMedia", "DetachMedia"]),
    );
  });
});

describe("the fake's saved state", () => {
  it("survives a restart (products, media bytes, tokens)", async () => {
    const statePath = join(h.dir, "fake-state.json");
    const a = await startFakeShopify({
      appUrl: h.appUrl,
      apiKey: API_KEY,
      apiSecret: API_SECRET,
      seed: "demo",
      statePath,
      autoWebhooks: false,
    });
    const f = Object.values(a.store.data.files)[0]!;
    f.alt = "changed before the crash";
    a.store.markDirty();
    const before = a.state();
    await a.close();
    const b = await startFakeShopify({
      appUrl: h.appUrl,
      apiKey: API_KEY,
      apiSecret: API_SECRET,
      seed: "demo",
      statePath,
      autoWebhooks: false,
    });
    try {
      expect(b.state().products).toEqual(before.products);
      const cdn = new URL(before.products[0]!.media[0]!.url);
      const res = await fetch(`${b.url}/_host/${cdn.hostname}${cdn.pathname}${cdn.search}`);
      expect(res.status).toBe(200);
      const { createHash } = await import("node:crypto");
      expect(
        createHash("sha256")
          .update(Buffer.from(await res.arrayBuffer()))
          .digest("hex"),
      ).toBe(before.products[0]!.media[0]!.sha256);
    } finally {
      await b.close();
    }
  });
});

describe("the fake's request checks", () => {
  it("refuses deprecated fields and a missing or wrong access token, like Shopify", async () => {
    const session = await prisma.session.findFirst({ where: { shop: SHOP, isOnline: false } });
    const url = `${h.fake.url}/_host/${SHOP}/admin/api/2026-10/graphql.json`;
    const post = (token: string | null, query: string) =>
      fetch(url, {
        method: "POST",
        headers: { "Content-Type": "application/json", ...(token ? { "X-Shopify-Access-Token": token } : {}) },
        body: JSON.stringify({ query }),
      });
    const deprecated = await post(
      session!.accessToken,
      `query Old { product(id: "${h.fake.state().products[0]!.id}") { featuredImage { url } } }`,
    );
    expect(deprecated.status).toBe(200);
    const body = (await deprecated.json()) as { data?: unknown; errors: Array<{ message: string }> };
    expect(body.data).toBeUndefined();
    expect(body.errors[0]!.message).toMatch(/deprecated/);
    expect(h.fake.state().log.at(-1)).toMatchObject({ operation: "Old" });
    expect((await post(null, "query { shop { name } }")).status).toBe(401);
    expect((await post("shpat_wrong", "query { shop { name } }")).status).toBe(401);
    const ok = (await (await post(session!.accessToken, "query { shop { name } }")).json()) as {
      data: { shop: { name: string } };
      extensions: { cost: { throttleStatus: { maximumAvailable: number } } };
    };
    expect(ok.data.shop.name).toBe("loupe-demo");
    expect(ok.extensions.cost.throttleStatus.maximumAvailable).toBe(2000);
  });
});
