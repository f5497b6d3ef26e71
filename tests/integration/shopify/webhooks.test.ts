// Webhooks through the built app over HTTP, signed (or not) by the fake Shopify.
import type { PrismaClient } from "@prisma/client";
import { randomUUID } from "node:crypto";
import { request as httpRequest, type ClientRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBuiltApp } from "./app-server";
import { signWebhook } from "../../fake-shopify/webhooks";
import { API_SECRET, SHOP, startHarness, type Harness } from "./harness";

let h: Harness;
let app: { close(): Promise<void> };
let prisma: PrismaClient;

beforeAll(async () => {
  h = await startHarness({ autoWebhooks: true });
  app = await startBuiltApp(h.port);
  await h.install();
  prisma = (await import("../../../core/db.server")).db();
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
      const forged = await h.fake.deliverWebhook(
        topic,
        SHOP,
        { admin_graphql_api_id: productId },
        { forge: true, path },
      );
      const unsigned = await h.fake.deliverWebhook(
        topic,
        SHOP,
        { admin_graphql_api_id: productId },
        { unsigned: true, path },
      );
      expect([topic, forged.status, unsigned.status]).toEqual([topic, 401, 401]);
    }
    expect(await prisma.webhookEvent.count()).toBe(0);
    expect(await prisma.pendingProduct.count()).toBe(0);
    expect(await prisma.session.count({ where: { shop: SHOP } })).toBeGreaterThan(0);
  });

  it("accepts a correctly signed delivery", async () => {
    const r = await h.fake.deliverWebhook("customers/data_request", SHOP, {
      shop_domain: SHOP,
      customer: { id: 1 },
      orders_requested: [],
    });
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
    const again = await prisma.pendingProduct.findUnique({
      where: { shop_productId: { shop: SHOP, productId: p.id } },
    });
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
    const { publishMedia } = await import("../../../core/shopify/publish.server");
    const { newMediaForAutoProcessing } = await import("../../../core/shopify/auto-candidates.server");
    const sharp = (await import("sharp")).default;
    const p = h.fake.state().products.find((x) => x.media.length >= 2)!;
    const [ours, other] = p.media;
    // A product Loupe never saw, not armed by any event: its photos are its baseline, not new uploads.
    expect(await newMediaForAutoProcessing(SHOP, p.id)).toEqual([]);
    // Armed by products/create (a new product): both photos are new.
    expect(
      (await newMediaForAutoProcessing(SHOP, p.id, { created: true, eventAt: null })).map((i) => i.mediaId).sort(),
    ).toEqual(p.media.map((m) => m.id).sort());

    await prisma.pendingProduct.deleteMany({});
    const sent = h.fake.sentWebhooks.length;
    const bytes = await sharp({ create: { width: 600, height: 600, channels: 3, background: "#fdfbf7" } })
      .jpeg()
      .toBuffer();
    await publishMedia({
      shop: SHOP,
      jobId: "job-loop",
      productId: p.id,
      mediaId: ours!.id,
      bytes,
      mimeType: "image/jpeg",
      filename: "a.jpg",
      kind: "publish",
    });
    // The fake sends products/update for the write; the app accepts it and marks the product pending.
    await waitFor(async () =>
      h.fake.sentWebhooks.slice(sent).some((w) => w.topic === "products/update" && w.status === 200),
    );
    const armed = await armedFor(p.id);
    expect(armed.created).toBe(false);
    // The seed made the photos moments ago, so Shopify's createdAt is within the upload window of the
    // event: the never-seen product's other photo counts as an upload, Loupe's own write does not.
    const candidates = (await newMediaForAutoProcessing(SHOP, p.id, armed)).map((i) => i.mediaId);
    expect(candidates).not.toContain(ours!.id);
    expect(candidates).toContain(other!.id);

    // A later change by the merchant (new bytes on the same media) makes it a candidate again.
    const f = h.fake.store.data.files[ours!.id]!;
    f.blobSha = h.fake.store.putBlob(
      await sharp({ create: { width: 640, height: 640, channels: 3, background: "#eee" } })
        .jpeg()
        .toBuffer(),
    );
    f.version += 1;
    f.updatedAt = new Date(Date.now() + 5000).toISOString();
    expect((await newMediaForAutoProcessing(SHOP, p.id, armed)).map((i) => i.mediaId)).toContain(ours!.id);
  });
});

describe("webhooks that cannot be starved or misdirected", () => {
  const INSTALLED = "still-installed.myshopify.com";

  it("answers 413 to a body over 1 MB as soon as it passes the limit, without waiting for the rest", async () => {
    const drip = openBody("/webhooks/products", headersFor("products/update", SHOP, "AAAA"));
    for (let i = 0; i < 20; i++) drip.req.write(Buffer.alloc(64 * 1024, 0x20)); // 1.25 MB, and the body never ends
    expect(await within(drip.status, 5_000)).toBe(413);
    drip.req.destroy();
    // A body that declares its size is refused before a byte of it is read.
    const declared = openBody("/webhooks/compliance", {
      ...headersFor("shop/redact", SHOP, "AAAA"),
      "Content-Length": String(300 * 1024 * 1024),
    });
    expect(await within(declared.status, 5_000)).toBe(413);
    declared.req.destroy();
  });

  it("a slow, forged body for a shop does not hold up a genuine delivery for that shop", async () => {
    const drip = openBody("/webhooks/compliance", headersFor("customers/data_request", SHOP, "AAAA"));
    drip.req.write('{"shop_domain":"');
    await new Promise((r) => setTimeout(r, 200));
    const started = Date.now();
    const genuine = await h.fake.deliverWebhook("customers/data_request", SHOP, {
      shop_domain: SHOP,
      customer: { id: 1 },
      orders_requested: [],
    });
    expect(genuine.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(2_000);
    drip.req.destroy();
  });

  it("refuses a signed body whose shop is not the header's shop, and deletes nothing", async () => {
    const rows = await prisma.session.count({ where: { shop: SHOP } });
    const r = await h.fake.deliverWebhook("shop/redact", SHOP, { shop_id: 2, shop_domain: "attacker.myshopify.com" });
    expect(r.status).toBe(400);
    expect(await r.text()).toBe("The shop in the webhook body does not match X-Shopify-Shop-Domain.");
    const customers = await h.fake.deliverWebhook("customers/redact", "attacker.myshopify.com", {
      shop_domain: SHOP,
      customer: { id: 1 },
      orders_to_redact: [],
    });
    expect(customers.status).toBe(400);
    expect(await prisma.shopTask.count()).toBe(0);
    expect(await prisma.session.count({ where: { shop: SHOP } })).toBe(rows);
  });

  it("refuses a signed body sent to an endpoint that does not handle its topic", async () => {
    const r = await h.fake.deliverWebhook(
      "shop/redact",
      SHOP,
      { shop_id: 1, shop_domain: SHOP },
      { path: "/webhooks/products" },
    );
    expect(r.status).toBe(400);
    expect(await prisma.shopTask.count()).toBe(0);
  });

  it("shop/redact for a shop that is installed deletes nothing", async () => {
    await prisma.session.create({
      data: { id: `offline_${INSTALLED}`, shop: INSTALLED, state: "", isOnline: false, accessToken: "token" },
    });
    await prisma.shop.create({ data: { shop: INSTALLED } });
    const r = await h.fake.deliverWebhook("shop/redact", INSTALLED, { shop_id: 3, shop_domain: INSTALLED });
    expect(r.status).toBe(200);
    await runShopTasks();
    expect(await prisma.shop.count({ where: { shop: INSTALLED } })).toBe(1);
    expect(await prisma.session.count({ where: { shop: INSTALLED } })).toBe(1);
  });

  it("answers 400 in plain words to a signed body that is not JSON", async () => {
    const body = '{"shop_domain": nope';
    const res = await fetch(`${h.appUrl}/webhooks/compliance`, {
      method: "POST",
      headers: headersFor("customers/data_request", SHOP, signWebhook(body, API_SECRET)),
      body,
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toBe("The webhook body is not JSON.");
  });

  it("forgets deliveries after a week", async () => {
    const old = new Date(Date.now() - 8 * 24 * 3600_000);
    await prisma.webhookEvent.create({
      data: { eventId: "evt-old", shop: SHOP, topic: "PRODUCTS_UPDATE", receivedAt: old },
    });
    await prisma.webhookEvent.create({
      data: {
        eventId: "evt-recent",
        shop: SHOP,
        topic: "PRODUCTS_UPDATE",
        receivedAt: new Date(Date.now() - 24 * 3600_000),
      },
    });
    const r = await h.fake.deliverWebhook("customers/data_request", SHOP, {
      shop_domain: SHOP,
      customer: { id: 1 },
      orders_requested: [],
    });
    expect(r.status).toBe(200);
    expect(await prisma.webhookEvent.count({ where: { eventId: "evt-old" } })).toBe(0);
    expect(await prisma.webhookEvent.count({ where: { eventId: "evt-recent" } })).toBe(1);
  });
});

function headersFor(topic: string, shop: string, hmac: string): Record<string, string> {
  return {
    "Content-Type": "application/json",
    "X-Shopify-Topic": topic,
    "X-Shopify-Shop-Domain": shop,
    "X-Shopify-Event-Id": randomUUID(),
    "X-Shopify-Hmac-Sha256": hmac,
  };
}

/** A POST whose body the test writes (and may never finish); `status` is the answer's status code. */
function openBody(path: string, headers: Record<string, string>): { req: ClientRequest; status: Promise<number> } {
  const req = httpRequest({ host: "127.0.0.1", port: h.port, method: "POST", path, headers });
  const status = new Promise<number>((resolve, reject) => {
    req.on("response", (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("error", reject);
  });
  status.catch(() => undefined);
  req.flushHeaders();
  return { req, status };
}

function within<T>(p: Promise<T>, ms: number): Promise<T> {
  return Promise.race([
    p,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)),
  ]);
}

/** What armed the product's pending row (products/create, the first event's Shopify time). */
async function armedFor(productId: string) {
  const row = await prisma.pendingProduct.findUniqueOrThrow({ where: { shop_productId: { shop: SHOP, productId } } });
  return { created: row.created, eventAt: row.eventAt };
}

describe("app/uninstalled and shop/redact", () => {
  const OTHER = "other-shop.myshopify.com";

  async function seedRows(shop: string) {
    const batch = await prisma.batch.create({
      data: { shop, source: "products", settingsHash: "h", status: "running" },
    });
    for (const state of ["queued", "processing", "review", "published"]) {
      await prisma.imageJob.create({
        data: {
          shop,
          batchId: batch.id,
          productId: "gid://shopify/Product/1",
          mediaId: `gid://shopify/MediaImage/${state}`,
          settingsHash: "h",
          state,
        },
      });
    }
    await prisma.retouchResult.create({
      data: {
        shop,
        mediaId: "m",
        sourceSha256: "s",
        settingsHash: "h",
        compositeKey: "k",
        cutoutKey: "k",
        thumbKey: "k",
        reportKey: "k",
        compositeSha: "c",
        mimeType: "image/jpeg",
        width: 1,
        height: 1,
      },
    });
    await prisma.mediaLedger.create({
      data: { shop, productId: "p", mediaId: "m", jobId: `j-${shop}`, kind: "publish", sha256: "x", state: "ready" },
    });
    await prisma.pendingProduct.create({ data: { shop, productId: "gid://shopify/Product/9", dueAt: new Date() } });
    await prisma.seenMedia.create({
      data: {
        shop,
        productId: "gid://shopify/Product/9",
        mediaId: "gid://shopify/MediaImage/9",
        version: "cdn.shopify.com/x.jpg?v=1",
      },
    });
    await prisma.collectionReference.create({ data: { shop, collectionId: "c", blobKey: `${shop}/ref/x.jpg` } });
    await prisma.shop.upsert({ where: { shop }, create: { shop }, update: {} });
    const { getStorage } = await import("../../../core/storage");
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
    const late = await h.fake.deliverWebhook(
      "products/update",
      SHOP,
      productPayload(h.fake.store, h.fake.state().products[0]!.id),
    );
    expect(late.status).toBe(200);
    expect(await prisma.pendingProduct.count({ where: { shop: SHOP } })).toBe(0);
  });

  it("a failed app/uninstalled forgets its delivery, so Shopify's retry does the work", async () => {
    await prisma.shop.update({ where: { shop: SHOP }, data: { uninstalledAt: null } });
    const trigger = await failShopUpdates();
    try {
      const failed = await h.fake.deliverWebhook(
        "app/uninstalled",
        SHOP,
        { id: 1, domain: SHOP },
        { eventId: "evt-uninstall-retry" },
      );
      expect(failed.status).toBe(500);
      expect(await prisma.webhookEvent.count({ where: { eventId: "evt-uninstall-retry" } })).toBe(0);
    } finally {
      await trigger.drop();
    }
    const retry = await h.fake.deliverWebhook(
      "app/uninstalled",
      SHOP,
      { id: 1, domain: SHOP },
      { eventId: "evt-uninstall-retry" },
    );
    expect(retry.status).toBe(200);
    expect((await prisma.shop.findUnique({ where: { shop: SHOP } }))!.uninstalledAt).not.toBeNull();
    expect(await prisma.webhookEvent.count({ where: { eventId: "evt-uninstall-retry" } })).toBe(1);
  });

  it("shop/redact answers at once, then a worker task deletes every row and blob of the shop, and nothing of another shop", async () => {
    await seedRows(OTHER);
    const r = await h.fake.deliverWebhook("shop/redact", SHOP, { shop_id: 1, shop_domain: SHOP });
    expect(r.status).toBe(200);
    // Answered before any deletion: the work waits in a ShopTask for a worker.
    expect(await prisma.shopTask.count({ where: { shop: SHOP, kind: "redact", state: "queued" } })).toBe(1);
    expect(await prisma.shop.count({ where: { shop: SHOP } })).toBe(1);
    expect(await runShopTasks()).toBe(1);
    expect(await prisma.shopTask.count({ where: { shop: SHOP, kind: "redact", state: "done" } })).toBe(1);
    const where = { where: { shop: SHOP } };
    const counts = await Promise.all([
      prisma.session.count(where),
      prisma.shop.count(where),
      prisma.batch.count(where),
      prisma.imageJob.count(where),
      prisma.retouchResult.count(where),
      prisma.mediaLedger.count(where),
      prisma.webhookEvent.count(where),
      prisma.pendingProduct.count(where),
      prisma.collectionReference.count(where),
      prisma.seenMedia.count(where),
    ]);
    expect(counts).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(await prisma.seenMedia.count({ where: { shop: OTHER } })).toBe(1);
    const { getStorage } = await import("../../../core/storage");
    expect(await getStorage().list(`${SHOP}/`)).toEqual([]);
    expect((await getStorage().list(`${OTHER}/`)).length).toBe(2);
    expect(await prisma.imageJob.count({ where: { shop: OTHER } })).toBe(4);
  });
});

/** Runs the queued webhook tasks the way a worker does: claim the row, run it with the task runner. */
async function runShopTasks(): Promise<number> {
  const { Claims } = await import("../../../core/queue/claims.server");
  const { createRunner } = await import("../../../workers/jobs/run-task");
  const { getStorage } = await import("../../../core/storage");
  const unused = new Proxy(
    {},
    {
      get: () => {
        throw new Error("a webhook task must not need Shopify or the engine");
      },
    },
  );
  const ctx = {
    db: prisma,
    storage: getStorage(),
    deps: { shopify: unused, engine: unused } as never,
    workerId: "test-worker#1",
    leaseMs: 60_000,
    enqueue: async () => {},
  };
  const claims = new Claims(prisma, ctx.workerId, ctx.leaseMs);
  const run = createRunner(ctx);
  let n = 0;
  for (const row of await prisma.shopTask.findMany({ where: { state: "queued" }, orderBy: { createdAt: "asc" } })) {
    const outcome = await claims.claim({ kind: "shop-task", id: row.id });
    if (!("claimed" in outcome)) continue;
    await run(outcome.claimed);
    n++;
  }
  return n;
}

/** Makes every UPDATE of a Shop row fail in the database itself (a real failure in the middle of a handler). */
async function failShopUpdates(): Promise<{ drop(): Promise<void> }> {
  if ((process.env.DATABASE_URL ?? "").startsWith("postgres")) {
    await prisma.$executeRawUnsafe(
      `CREATE OR REPLACE FUNCTION loupe_test_fail() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'test: shop updates fail'; END $$ LANGUAGE plpgsql`,
    );
    await prisma.$executeRawUnsafe(
      `CREATE TRIGGER loupe_test_fail_shop BEFORE UPDATE ON "Shop" FOR EACH ROW EXECUTE FUNCTION loupe_test_fail()`,
    );
    return { drop: async () => void (await prisma.$executeRawUnsafe(`DROP TRIGGER loupe_test_fail_shop ON "Shop"`)) };
  }
  await prisma.$executeRawUnsafe(
    `CREATE TRIGGER loupe_test_fail_shop BEFORE UPDATE ON "Shop" BEGIN SELECT RAISE(ABORT, 'test: shop updates fail'); END`,
  );
  return { drop: async () => void (await prisma.$executeRawUnsafe(`DROP TRIGGER loupe_test_fail_shop`)) };
}

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
    const { newMediaForAutoProcessing, mediaStillProcessing } =
      await import("../../../core/shopify/auto-candidates.server");
    h.fake.store.settings.processingMs = 1500;
    const sent = h.fake.sentWebhooks.length;
    const res = await fetch(`${h.fake.url}/_fake/products`, {
      method: "POST",
      body: JSON.stringify({ shop: SHOP, title: "Opal Cocktail Ring", photos: 2 }),
    });
    const { id } = (await res.json()) as { id: string };
    expect(await mediaStillProcessing(SHOP, id)).toBe(2);
    expect(await newMediaForAutoProcessing(SHOP, id)).toEqual([]);
    await waitFor(async () =>
      h.fake.sentWebhooks.slice(sent).some((w) => w.topic === "products/update" && w.status === 200),
    );
    expect(h.fake.sentWebhooks.slice(sent).map((w) => [w.topic, w.status])).toEqual([
      ["products/create", 200],
      ["products/update", 200],
    ]);
    expect(await prisma.pendingProduct.count({ where: { shop: SHOP, productId: id } })).toBe(1);
    const armed = await armedFor(id);
    expect(armed.created).toBe(true); // products/create armed it, and the update after it kept that
    expect(Number.isFinite(Date.parse(armed.eventAt ?? ""))).toBe(true);
    const candidates = await newMediaForAutoProcessing(SHOP, id, armed);
    expect(candidates.map((c) => [c.position, c.status, c.alt])).toEqual([
      [0, "READY", "Opal Cocktail Ring"],
      [1, "READY", "Opal Cocktail Ring"],
    ]);
    h.fake.store.settings.processingMs = 60;
  });
});
