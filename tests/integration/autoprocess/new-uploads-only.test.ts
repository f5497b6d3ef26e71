// Auto-processing takes only what the merchant added, end to end against the fake Shopify over HTTP,
// under the `publish` policy (the one that writes to the live store without review):
//   • a price edit on a product with older photos (a signed products/update) makes no job;
//   • a photo added to that product → one job for the new photo only, in a batch named
//     "New uploads, <day>", published; the older photos keep their version in Shopify;
//   • Loupe's own write and a later price edit make nothing; a photo the merchant replaces is taken;
//   • the home page's status says when auto-processing last ran and what its last batch was.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@prisma/client";
import sharp from "sharp";
import { SHOP, type Harness } from "../shopify/harness";
import { startPublishStack, type PublishStack } from "./publish-stack";
import { jpegEngine } from "./jpeg-engine";
import { addPhoto, editPrice, replacePhoto } from "../../fake-shopify/merchant";
import { productPayload } from "../../fake-shopify/payloads";
import type { AutoProcessor } from "../../../core/autoprocess/scheduler.server";

let h: Harness;
let prisma: PrismaClient;
let processor: AutoProcessor;
let stack: PublishStack;
const engine = jpegEngine();

beforeAll(async () => {
  stack = await startPublishStack(engine, 2);
  ({ h, prisma, processor } = stack);
});
afterAll(async () => {
  await stack?.close();
});

const photo = (color: string) =>
  sharp({ create: { width: 640, height: 640, channels: 3, background: "#d8d4cc" } })
    .composite([
      { input: { create: { width: 200, height: 200, channels: 3, background: color } }, left: 220, top: 220 },
    ])
    .jpeg()
    .toBuffer();

/** A product the merchant made three days ago, with two READY photos (before Loupe was installed). */
async function oldProduct(title: string): Promise<{ productId: string; mediaIds: string[] }> {
  const store = h.fake.store;
  const then = new Date(Date.now() - 3 * 24 * 3600_000).toISOString();
  const productId = store.nextId("Product");
  const mediaIds: string[] = [];
  for (const [k, color] of ["#c9a24a", "#b76e79"].entries()) {
    const id = store.nextId("MediaImage");
    const filename = `${title.toLowerCase().replace(/\W+/g, "-")}-${k + 1}.jpg`;
    store.data.files[id] = {
      id,
      shop: SHOP,
      alt: title,
      mimeType: "image/jpeg",
      width: 640,
      height: 640,
      blobSha: store.putBlob(await photo(color)),
      version: 1,
      filename,
      status: "READY",
      pending: null,
      errors: [],
      productIds: [productId],
      createdAt: then,
      updatedAt: then,
    };
    mediaIds.push(id);
  }
  store.data.products[productId] = {
    id: productId,
    shop: SHOP,
    title,
    handle: title.toLowerCase().replace(/\W+/g, "-"),
    tags: [],
    productType: "Pendant",
    vendor: "Test",
    mediaIds,
    variants: [{ id: store.nextId("ProductVariant"), title: "Default", price: "100.00", mediaIds: [mediaIds[0]!] }],
    createdAt: then,
    updatedAt: then,
  };
  return { productId, mediaIds: [...mediaIds] };
}

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

const pendingFor = (productId: string) => prisma.pendingProduct.count({ where: { shop: SHOP, productId } });
const jobsOf = (productId: string) =>
  prisma.imageJob.findMany({ where: { shop: SHOP, productId }, orderBy: { createdAt: "asc" } });
const versions = (ids: string[]) => ids.map((id) => h.fake.store.data.files[id]!.version);

/** The merchant's edit reaches the app as a signed products/update; the scheduler looks once it is due. */
async function productUpdated(productId: string) {
  const res = await h.fake.deliverWebhook("products/update", SHOP, productPayload(h.fake.store, productId));
  expect(res.status).toBe(200);
  expect(await pendingFor(productId)).toBe(1);
  return tickUntil(async () => (await pendingFor(productId)) === 0);
}

describe("auto-processing takes only new uploads (publish policy)", () => {
  let product: { productId: string; mediaIds: string[] };

  it("a price edit on a product with older photos makes no job and writes nothing", async () => {
    product = await oldProduct("Garnet Pendant");
    editPrice(h.fake.store, product.productId, "120.00");
    const counts = await productUpdated(product.productId);
    expect(counts.products).toBe(1);
    expect(counts.jobs).toBe(0);
    expect(await jobsOf(product.productId)).toEqual([]);
    expect(await prisma.batch.count({ where: { shop: SHOP } })).toBe(0);
    expect(versions(product.mediaIds)).toEqual([1, 1]); // the live photos are untouched
    // What Loupe saw is remembered: the two photos at their versions.
    const seen = await prisma.seenMedia.findMany({
      where: { shop: SHOP, productId: product.productId },
      orderBy: { mediaId: "asc" },
    });
    expect(seen.map((s) => [s.mediaId, s.version.endsWith("?v=1")])).toEqual(product.mediaIds.map((id) => [id, true]));
  });

  it("a photo added to it is the only one taken, in a batch named for new uploads, and published", async () => {
    const added = addPhoto(h.fake.store, product.productId, await photo("#5b8c5a"));
    // Shopify sends products/update once the new photo is READY (the fake's settle → onProductChanged).
    await tickUntil(async () => (await jobsOf(product.productId)).some((j) => j.state === "published"));
    const jobs = await jobsOf(product.productId);
    expect(jobs.map((j) => [j.mediaId, j.state, j.autoPublish])).toEqual([[added, "published", true]]);
    const batch = await prisma.batch.findUniqueOrThrow({ where: { id: jobs[0]!.batchId } });
    const day = new Date().toLocaleDateString("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
    expect([batch.source, batch.title]).toEqual(["auto", `New uploads, ${day}`]);
    expect(versions(product.mediaIds)).toEqual([1, 1]); // the older photos were not touched
    expect(h.fake.store.data.files[added]!.version).toBeGreaterThanOrEqual(2); // the new one was replaced in place
  });

  it("Loupe's own write and a later price edit make nothing new", async () => {
    await tickUntil(async () => (await pendingFor(product.productId)) === 0); // the update Loupe's write caused
    editPrice(h.fake.store, product.productId, "130.00");
    const counts = await productUpdated(product.productId);
    expect(counts.jobs).toBe(0);
    expect(await jobsOf(product.productId)).toHaveLength(1);
    expect(engine.calls).toBe(1);
  });

  it("a photo the merchant replaces (same media, new version) is taken", async () => {
    const [first] = product.mediaIds;
    replacePhoto(h.fake.store, first!, await photo("#3a5f9e"));
    await tickUntil(async () =>
      (await jobsOf(product.productId)).some((j) => j.mediaId === first && j.state === "published"),
    );
    const jobs = await jobsOf(product.productId);
    expect(jobs.map((j) => j.mediaId).sort()).toEqual([first!, jobs.find((j) => j.mediaId !== first)!.mediaId].sort());
    expect(jobs).toHaveLength(2);
    expect(h.fake.store.data.files[product.mediaIds[1]!]!.version).toBe(1); // the other old photo is still untouched
  });

  it("the home page status tells when auto-processing last ran and what it made", async () => {
    await tickUntil(async () => (await pendingFor(product.productId)) === 0); // the update Loupe's write caused
    expect(await jobsOf(product.productId)).toHaveLength(2);
    const { getAutoActivity, describeLastRun } = await import("../../../core/autoprocess/activity.server");
    const { getAutoProcessingStatus } = await import("../../../core/autoprocess/status.server");
    const activity = await getAutoActivity(SHOP);
    expect(activity.lastBatch?.title).toMatch(/^New uploads, [A-Z][a-z]{2} \d{1,2}$/);
    expect(activity.lastBatch?.total).toBe(1);
    expect(Date.now() - Date.parse(activity.lastRunAt!)).toBeLessThan(60_000);
    expect(describeLastRun(activity.lastRunAt)).toBe("Last run just now.");
    const status = await getAutoProcessingStatus(SHOP);
    expect([status.policy, status.usedToday]).toEqual(["publish", 2]);
    expect(status.message).toContain("2 of 500 images used today");
  });
});
