// Webhooks through the built app over HTTP, signed (or not) by the fake Shopify.
import type { PrismaClient } from "@prisma/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBuiltApp } from "./app-server";
import { SHOP, startHarness, type Harness } from "./harness";

let h: Harness;
let app: { close(): Promise<void> };
let prisma: PrismaClient;

beforeAll(async () => {
  h = await startHarness({ autoWebhooks: true });
  app = await startBuiltApp(h.port);
  await h.install();
  prisma = (await import("../../../app/db.server")).prisma;
});
afterAll(async () => {
  await app?.close();
  await prisma?.$disconnect();
  await h?.close();
});

const ENDPOINTS: Array<[string, string]> = [
  ["products/update", "/webhooks/products"],
  ["products/create", "/webhooks/products"],
  ["app/uninstalled", "/webhooks/app/uninstalled"],
  ["app/scopes_update", "/webhooks/app/scopes_update"],
  ["bulk_operations/finish", "/webhooks/bulk"],
  ["customers/data_request", "/webhooks/compliance"],
  ["customers/redact", "/webhooks/compliance"],
  ["shop/redact", "/webhooks/compliance"],
];

describe("webhook authentication", () => {
  it("answers 401 to forged and unsigned deliveries on every endpoint, and does nothing", async () => {
    const productId = h.fake.state().products[0]!.id;
    for (const [topic, path] of ENDPOINTS) {
      const forged = await h.fake.deliverWebhook(topic, SHOP, { admin_graphql_api_id: productId }, { forge: true, path });
      const unsigned = await h.fake.deliverWebhook(topic, SHOP, { admin_graphql_api_id: productId }, { unsigned: true, path });
      expect([topic, forged.status, unsigned.status]).toEqual([topic, 401, 401]);
    }
    expect(await prisma.webhookEvent.count()).toBe(0);
    expect(await prisma.pendingProduct.count()).toBe(0);
    expect(await prisma.session.count({ where: { shop: SHOP } })).toBeGreaterThan(0);
  });

  it("accepts a correctly signed delivery", async () => {
    const r = await h.fake.deliverWebhook("customers/data_request", SHOP, { shop_domain: SHOP, customer: { id: 1 }, orders_requested: [] });
    expect(r.status).toBe(200);
  });
});

describe("products/* webhooks", () => {
  it("upserts a debounced PendingProduct, and a replayed event id does no work twice", async () => {
    const p = h.fake.state().products[1]!;
    const { productPayload } = await import("../../fake-shopify/payloads");
    const payload = productPayload(h.fake.store, p.id);
    const before = Date.now();
    const first = await h.fake.deliverWebhook("products/update", SHOP, payload, { eventId: "evt-replay-1" });
    expect(first.status).toBe(200);
    const row = await prisma.pendingProduct.findUnique({ where: { shop_productId: { shop: SHOP, productId: p.id } } });
    expect(row).not.toBeNull();
    expect(row!.dueAt.getTime()).toBeGreaterThanOrEqual(before + 200); // LOUPE_DEBOUNCE_MS
    await new Promise((r) => setTimeout(r, 30));
    const replay = await h.fake.deliverWebhook("products/update", SHOP, payload, { eventId: "evt-replay-1" });
    expect(replay.status).toBe(200);
    const again = await prisma.pendingProduct.findUnique({ where: { shop_productId: { shop: SHOP, productId: p.id } } });
    expect(again!.dueAt.getTime()).toBe(row!.dueAt.getTime()); // the replay did not push the due time
    expect(await prisma.webhookEvent.count({ where: { eventId: "evt-replay-1" } })).toBe(1);
    // A new event for the same product pushes the due time back (debounce), still one row.
    await new Promise((r) => setTimeout(r, 30));
    await h.fake.deliverWebhook("products/update", SHOP, payload, { eventId: "evt-replay-2" });
    const pushed = await prisma.pendingProduct.findMany({ where: { shop: SHOP, productId: p.id } });
    expect(pushed).toHaveLength(1);
    expect(pushed[0]!.dueAt.getTime()).toBeGreaterThan(row!.dueAt.getTime());
  });

  it("Loupe's own write triggers products/update but yields no auto-processing candidate", async () => {
    const { publishMedia } = await import("../../../app/shopify/publish.server");
    const { newMediaForAutoProcessing } = await import("../../../app/shopify/auto-candidates.server");
    const sharp = (await import("sharp")).default;
    const p = h.fake.state().products.find((x) => x.media.length >= 2)!;
    const [ours, other] = p.media;
    // A product Loupe never saw, not armed by any event: its photos are its baseline, not new uploads.
    expect(await newMediaForAutoProcessing(SHOP, p.id)).toEqual([]);
    // Armed by products/create (a new product): both photos are new.
    expect((await newMediaForAutoProcessing(SHOP, p.id, { created: true, eventAt: null })).map((i) => i.mediaId).sort()).toEqual(p.media.map((m) => m.id).sort());

    await prisma.pendingProduct.deleteMany({});
    const sent = h.fake.sentWebhooks.length;
    const bytes = await sharp({ create: { width: 600, height: 600, channels: 3, background: "#fdfbf7" } }).jpeg().toBuffer();
    await publishMedia({ shop: SHOP, jobId: "job-loop", productId: p.id, mediaId: ours!.id, bytes, mimeType: "image/jpeg", filename: "a.jpg", kind: "publish" });
    // The fake sends products/update for the write; the app accepts it and marks the product pending.
    await waitFor(async () => h.fake.sentWebhooks.slice(sent).some((w) => w.topic === "products/update" && w.status === 200));
    const armed = await armedFor(p.id);
    expect(armed.created).toBe(false);
    // The seed made the photos moments ago, so Shopify's createdAt is within the upload window of the
    // event: the never-seen product's other photo counts as an upload, Loupe's own write does not.
    const candidates = (await newMediaForAutoProcessing(SHOP, p.id, armed)).map((i) => i.mediaId);
    expect(candidates).not.toContain(ours!.id);
    expect(candidates).toContain(other!.id);

    // A later change by the merchant (new bytes on the same media) makes it a candidate again.
    const f = h.fake.store.data.files[ours!.id]!;
    f.blobSha = h.fake.store.putBlob(await sharp({ create: { width: 640, height: 640, channels: 3, background: "#eee" } }).jpeg().toBuffer());
    f.version += 1;
    f.updatedAt = new Date(Date.now() + 5000).toISOString();
    expect((await newMediaForAutoProcessing(SHOP, p.id, armed)).map((i) => i.mediaId)).toContain(ours!.id);
  });
});

/** What armed the product's pending row (products/create, the first event's Shopify time). */
async function armedFor(productId: string) {
  const row = await prisma.pendingProduct.findUniqueOrThrow({ where: { shop_productId: { shop: SHOP, productId } } });
  return { created: row.created, eventAt: row.eventAt };
}

describe("app/uninstalled and shop/redact", () => {
  const OTHER = "other-shop.myshopify.com";

  async function seedRows(shop: string) {
    const batch = await prisma.batch.create({ data: { shop, source: "products", settingsHash: "h", status: "running" } });
    for (const state of ["queued", "processing", "review", "published"]) {
      await prisma.imageJob.create({ data: { shop, batchId: batch.id, productId: "gid://shopify/Product/1", mediaId: `gid://shopify/MediaImage/${state}`, settingsHash: "h", state } });
    }
    await prisma.retouchResult.create({ data: { shop, mediaId: "m", sourceSha256: "s", settingsHash: "h", compositeKey: "k", cutoutKey: "k", thumbKey: "k", reportKey: "k", compositeSha: "c", mimeType: "image/jpeg", width: 1, height: 1 } });
    await prisma.mediaLedger.create({ data: { shop, productId: "p", mediaId: "m", jobId: `j-${shop}`, kind: "publish", sha256: "x", state: "ready" } });
    await prisma.pendingProduct.create({ data: { shop, productId: "gid://shopify/Product/9", dueAt: new Date() } });
    await prisma.seenMedia.create({ data: { shop, productId: "gid://shopify/Product/9", mediaId: "gid://shopify/MediaImage/9", version: "cdn.shopify.com/x.jpg?v=1" } });
    await prisma.collectionReference.create({ data: { shop, collectionId: "c", blobKey: `${shop}/ref/x.jpg` } });
    await prisma.shop.upsert({ where: { shop }, create: { shop }, update: {} });
    const { getStorage } = await import("../../../app/storage");
    await getStorage().put(`${shop}/originals/${"a".repeat(64)}.jpg`, Buffer.from("original"));
    await getStorage().put(`${shop}/results/${"b".repeat(64)}.jpg`, Buffer.from("result"));
    return batch.id;
  }

  it("app/uninstalled stops the shop's jobs and drops its sessions", async () => {
    const batchId = await seedRows(SHOP);
    const r = await h.fake.deliverWebhook("app/uninstalled", SHOP, { id: 1, domain: SHOP });
    expect(r.status).toBe(200);
    const jobs = await prisma.imageJob.findMany({ where: { batchId } });
    const byMedia = Object.fromEntries(jobs.map((j) => [j.mediaId.split("/").pop(), j.state]));
    expect(byMedia.queued).not.toBe("queued");
    expect(byMedia.processing).toBe("failed");
    expect(byMedia.review).toBe("review");
    expect((await prisma.batch.findUnique({ where: { id: batchId } }))!.status).toBe("cancelled");
    expect(await prisma.session.count({ where: { shop: SHOP } })).toBe(0);
    // After the uninstall, product webhooks for the shop start no work.
    await prisma.pendingProduct.deleteMany({ where: { shop: SHOP } });
    const { productPayload } = await import("../../fake-shopify/payloads");
    const late = await h.fake.deliverWebhook("products/update", SHOP, productPayload(h.fake.store, h.fake.state().products[0]!.id));
    expect(late.status).toBe(200);
    expect(await prisma.pendingProduct.count({ where: { shop: SHOP } })).toBe(0);
  });

  it("shop/redact deletes every row and blob of the shop, and nothing of another shop", async () => {
    await seedRows(OTHER);
    const r = await h.fake.deliverWebhook("shop/redact", SHOP, { shop_id: 1, shop_domain: SHOP });
    expect(r.status).toBe(200);
    const where = { where: { shop: SHOP } };
    const counts = await Promise.all([
      prisma.session.count(where), prisma.shop.count(where), prisma.batch.count(where), prisma.imageJob.count(where), prisma.retouchResult.count(where),
      prisma.mediaLedger.count(where), prisma.webhookEvent.count(where), prisma.pendingProduct.count(where), prisma.collectionReference.count(where),
      prisma.seenMedia.count(where),
    ]);
    expect(counts).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(await prisma.seenMedia.count({ where: { shop: OTHER } })).toBe(1);
    const { getStorage } = await import("../../../app/storage");
    expect(await getStorage().list(`${SHOP}/`)).toEqual([]);
    expect((await getStorage().list(`${OTHER}/`)).length).toBe(2);
    expect(await prisma.imageJob.count({ where: { shop: OTHER } })).toBe(4);
  });
});

async function waitFor(cond: () => Promise<boolean>, ms = 10_000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await cond()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("condition not met in time");
}

describe("a merchant adds a product", () => {
  it("products/create while media process, then products/update when READY: the new media are candidates", async () => {
    // Reinstall (the uninstall test above removed the sessions).
    await h.install();
    const { newMediaForAutoProcessing, mediaStillProcessing } = await import("../../../app/shopify/auto-candidates.server");
    h.fake.store.settings.processingMs = 1500;
    const sent = h.fake.sentWebhooks.length;
    const res = await fetch(`${h.fake.url}/_fake/products`, { method: "POST", body: JSON.stringify({ shop: SHOP, title: "Opal Cocktail Ring", photos: 2 }) });
    const { id } = (await res.json()) as { id: string };
    expect(await mediaStillProcessing(SHOP, id)).toBe(2);
    expect(await newMediaForAutoProcessing(SHOP, id)).toEqual([]);
    await waitFor(async () => h.fake.sentWebhooks.slice(sent).some((w) => w.topic === "products/update" && w.status === 200));
    expect(h.fake.sentWebhooks.slice(sent).map((w) => [w.topic, w.status])).toEqual([["products/create", 200], ["products/update", 200]]);
    expect(await prisma.pendingProduct.count({ where: { shop: SHOP, productId: id } })).toBe(1);
    const armed = await armedFor(id);
    expect(armed.created).toBe(true); // products/create armed it, and the update after it kept that
    expect(Number.isFinite(Date.parse(armed.eventAt ?? ""))).toBe(true);
    const candidates = await newMediaForAutoProcessing(SHOP, id, armed);
    expect(candidates.map((c) => [c.position, c.status, c.alt])).toEqual([[0, "READY", "Opal Cocktail Ring"], [1, "READY", "Opal Cocktail Ring"]]);
    h.fake.store.settings.processingMs = 60;
  });
});
