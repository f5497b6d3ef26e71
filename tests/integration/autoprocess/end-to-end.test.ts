// New uploads, end to end, against the fake Shopify over HTTP: the merchant adds a product whose photo
// is still PROCESSING → signed products/create reaches the real webhook route → the scheduler looks,
// finds the media not ready, looks again → the photo turns READY (products/update) → one auto batch →
// the worker pulls and retouches it → review (hold policy) or published in Shopify (publish policy) →
// Loupe's own write sends products/update → the scheduler looks again and starts NO second job.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@prisma/client";
import sharp from "sharp";
import { SHOP, startHarness, type Harness } from "../shopify/harness";
import { forgetProcessPrisma } from "./harness";
import { serveProductWebhooks } from "./webhook-app";
import { jpegEngine } from "./jpeg-engine";
import type { AutoProcessor } from "../../../core/autoprocess/scheduler.server";

let h: Harness;
let app: Awaited<ReturnType<typeof serveProductWebhooks>>;
let prisma: PrismaClient;
let worker: { close(): Promise<void> };
let processor: AutoProcessor;
const engine = jpegEngine();
/** Every candidate lookup the scheduler made (the real one, wrapped to record when it ran). */
const lookups: Array<{ productId: string; at: number }> = [];

beforeAll(async () => {
  await forgetProcessPrisma(); // a client another file left on globalThis points at its database
  h = await startHarness({ autoWebhooks: true }); // LOUPE_DEBOUNCE_MS = 200
  app = await serveProductWebhooks(h.port);
  await h.install();
  prisma = (await import("../../../core/db.server")).db();
  const { startWorker } = await import("../../../workers/main");
  worker = await startWorker({ inProcess: true, concurrency: 2, pollMs: 50, deps: { engine } });
  const { createAutoProcessor } = await import("../../../core/autoprocess/scheduler.server");
  const { defaultAutoDeps } = await import("../../../core/autoprocess/deps.server");
  const { autoOptions } = await import("../../../core/autoprocess/options");
  const real = defaultAutoDeps();
  const findCandidates: typeof real.findCandidates = async (shop, productId, armed) => {
    lookups.push({ productId, at: Date.now() });
    return real.findCandidates(shop, productId, armed);
  };
  processor = createAutoProcessor(
    { ...real, findCandidates },
    autoOptions({ retryDelaysMs: [300, 300, 300, 300, 300] }),
  );
});
afterAll(async () => {
  await worker?.close();
  await app?.close();
  await forgetProcessPrisma();
  await h?.close();
});

/** The merchant uploads a new product with one photo; Shopify is still processing it for `processingMs`. */
async function uploadProduct(title: string, processingMs: number): Promise<{ productId: string; mediaId: string }> {
  const store = h.fake.store;
  const bytes = await sharp({ create: { width: 640, height: 640, channels: 3, background: "#d8d4cc" } })
    .composite([
      {
        input: await sharp({ create: { width: 220, height: 220, channels: 3, background: "#c9a24a" } })
          .png()
          .toBuffer(),
        left: 210,
        top: 210,
      },
    ])
    .jpeg()
    .toBuffer();
  const sha = store.putBlob(bytes);
  const now = new Date().toISOString();
  const productId = store.nextId("Product");
  const mediaId = store.nextId("MediaImage");
  store.data.files[mediaId] = {
    id: mediaId,
    shop: SHOP,
    alt: title,
    mimeType: "image/jpeg",
    width: 640,
    height: 640,
    blobSha: sha,
    version: 1,
    filename: `${title.toLowerCase().replace(/\W+/g, "-")}.jpg`,
    status: "PROCESSING",
    pending: {
      blobSha: sha,
      mimeType: "image/jpeg",
      width: 640,
      height: 640,
      filename: "upload.jpg",
      readyAt: Date.now() + processingMs,
      fail: false,
    },
    errors: [],
    productIds: [productId],
    createdAt: now,
    updatedAt: now,
  };
  store.data.products[productId] = {
    id: productId,
    shop: SHOP,
    title,
    handle: title.toLowerCase().replace(/\W+/g, "-"),
    tags: [],
    productType: "Ring",
    vendor: "Test",
    mediaIds: [mediaId],
    variants: [{ id: store.nextId("ProductVariant"), title: "Default", price: "100.00", mediaIds: [] }],
    createdAt: now,
    updatedAt: now,
  };
  const { productPayload } = await import("../../fake-shopify/payloads");
  const res = await h.fake.deliverWebhook("products/create", SHOP, productPayload(store, productId));
  expect(res.status).toBe(200);
  return { productId, mediaId };
}

/** Ticks the scheduler (as startAutoProcessing would) until `done` holds; returns the summed counts. */
async function tickUntil(done: () => Promise<boolean>, timeoutMs = 30_000) {
  const total = { products: 0, jobs: 0, deferred: 0, capped: 0 };
  const until = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > until) throw new Error(`timed out; counts so far ${JSON.stringify(total)}`);
    const c = await processor.tick();
    for (const k of Object.keys(total) as Array<keyof typeof total>) total[k] += c[k];
    await new Promise((r) => setTimeout(r, 50));
  }
  return total;
}

const jobsFor = (mediaId: string) => prisma.imageJob.findMany({ where: { shop: SHOP, mediaId } });
const pendingFor = (productId: string) => prisma.pendingProduct.count({ where: { shop: SHOP, productId } });

describe("auto-processing new uploads end to end", () => {
  it("hold: the upload becomes one job that waits in review; the photo in Shopify is untouched", async () => {
    await prisma.shop.upsert({
      where: { shop: SHOP },
      create: { shop: SHOP, autoPolicy: "hold" },
      update: { autoPolicy: "hold" },
    });
    const { productId, mediaId } = await uploadProduct("Gold Signet Ring", 700);
    expect(await pendingFor(productId)).toBe(1);

    const counts = await tickUntil(async () => (await jobsFor(mediaId)).some((j) => j.state === "review"));
    expect(counts.jobs).toBe(1);
    expect(counts.deferred).toBeGreaterThanOrEqual(1); // looked while the photo was still PROCESSING
    const jobs = await jobsFor(mediaId);
    expect(jobs.map((j) => [j.productId, j.state, j.autoPublish])).toEqual([[productId, "review", false]]);
    const batch = await prisma.batch.findUniqueOrThrow({ where: { id: jobs[0]!.batchId } });
    expect(batch.source).toBe("auto");

    // Whatever products/update is still in flight gets looked at and makes nothing new.
    await tickUntil(async () => (await pendingFor(productId)) === 0);
    expect(await jobsFor(mediaId)).toHaveLength(1);
    const media = h.fake.state().products.find((p) => p.id === productId)!.media;
    expect(media.map((m) => m.id)).toEqual([mediaId]);
    expect(h.fake.store.data.files[mediaId]!.version).toBe(2); // the upload's own processing only: Loupe wrote nothing
  });

  it("publish: the retouched photo is published automatically, and Loupe's own write starts no second job", async () => {
    await prisma.shop.update({ where: { shop: SHOP }, data: { autoPolicy: "publish" } });
    const { productId, mediaId } = await uploadProduct("Rose Gold Band", 300);
    const uploaded = h.fake.store.data.files[mediaId]!.pending!.blobSha;

    await tickUntil(async () => (await jobsFor(mediaId)).some((j) => j.state === "published"));
    const [job] = await jobsFor(mediaId);
    expect(job!.autoPublish).toBe(true);
    expect(job!.publishedSha).toMatch(/^[0-9a-f]{64}$/);
    const ledger = await prisma.mediaLedger.findMany({ where: { shop: SHOP, mediaId } });
    expect(ledger.map((l) => [l.kind, l.state])).toContainEqual(["publish", expect.stringMatching(/written|ready/)]);

    // Shopify finishes processing Loupe's write and sends products/update for it; the webhook route
    // arms the product again; the scheduler looks at it once more and makes nothing.
    const f = () => h.fake.store.data.files[mediaId]!;
    let writeSettledAt = 0;
    const after = await tickUntil(async () => {
      if (f().pending !== null || f().blobSha === uploaded) return false;
      writeSettledAt = new Date(f().updatedAt).getTime();
      const hook = await prisma.webhookEvent.findFirst({
        where: { shop: SHOP, receivedAt: { gte: new Date(writeSettledAt) } },
      });
      if (!hook) return false;
      return (
        (await pendingFor(productId)) === 0 &&
        lookups.some((l) => l.productId === productId && l.at >= hook.receivedAt.getTime())
      );
    });
    expect(after.jobs).toBe(0);
    expect(lookups.filter((l) => l.productId === productId && l.at >= writeSettledAt).length).toBeGreaterThanOrEqual(1);
    expect(await jobsFor(mediaId)).toHaveLength(1);
    expect(await prisma.batch.count({ where: { shop: SHOP, source: "auto" } })).toBe(2); // one per upload, none for the write
    expect(engine.calls).toBe(2);
  });
});
