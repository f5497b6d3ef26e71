// The queue contract, run against both drivers (contract.test.ts). Real SQLite, real storage, real
// Redis for bullmq; Shopify and the engine are in-memory fakes with faults on demand.
import { afterEach, beforeEach, expect, it } from "vitest";
import { hostname } from "node:os";
import { createProducer } from "../../../core/queue/producer.server";
import { setProducer } from "../../../core/batches/enqueue.server";
import type { QueueDriver, TaskKind } from "../../../core/queue/job-queue";
import { startWorker, type RunningWorker } from "../../../workers/main";
import * as svc from "../../../core/batches/service.server";
import { makeEnv, waitFor, type TestEnv } from "./helpers/env";
import { FakeEngine, FakeShopify, productGid, mediaGid } from "./helpers/fakes";

const A = "alpha-jewels.myshopify.com";
const B = "beta-gems.myshopify.com";

export function queueContract(driver: QueueDriver, redisUrl: () => string) {
  let env: TestEnv;
  let shopify: FakeShopify;
  let engine: FakeEngine;
  const workers: RunningWorker[] = [];

  const start = async (
    o: { concurrency?: number; leaseMs?: number; graceMs?: number; deadlines?: Partial<Record<TaskKind, number>> } = {},
  ) => {
    const w = await startWorker({
      driver,
      redisUrl: driver === "bullmq" ? redisUrl() : undefined,
      db: env.db,
      deps: { shopify, engine },
      concurrency: o.concurrency ?? 4,
      leaseMs: o.leaseMs ?? 5_000,
      pollMs: 100,
      graceMs: o.graceMs ?? 5_000,
      deadlines: o.deadlines,
    });
    workers.push(w);
    return w;
  };

  const batchDone = (shop: string, id: string) =>
    waitFor(`batch ${id} done`, async () => {
      const b = await svc.getBatch(shop, id);
      return b && b.status === "done" ? b : null;
    });

  beforeEach(async () => {
    process.env.LOUPE_RETRY_BASE_MS = "20";
    env = await makeEnv();
    shopify = new FakeShopify();
    engine = new FakeEngine();
    if (driver === "bullmq") {
      // A fresh queue per test: flush what earlier tests left in Redis.
      const { Redis } = await import("ioredis");
      const r = new Redis(redisUrl());
      await r.flushall();
      r.disconnect();
    }
    setProducer(createProducer(driver, driver === "bullmq" ? redisUrl() : ""));
  });

  afterEach(async () => {
    for (const w of workers.splice(0)) await w.close();
    setProducer(null);
    await env.cleanup();
  });

  it("pulls a batch in the worker and takes every image to review exactly once", async () => {
    for (let p = 1; p <= 3; p++) shopify.addProduct(A, p, 4);
    const created = await svc.createBatch(A, { productIds: [productGid(1), productGid(2), productGid(3)] });
    expect(created.status).toBe("pulling");
    expect(created.total).toBe(0);
    const w = await start();
    const batch = await batchDone(A, created.id);
    expect(batch.total).toBe(12);
    expect(batch.counts.review).toBe(12);
    expect(batch.title).toBe("Ring 1 and 2 more");
    expect(engine.calls).toHaveLength(12);
    expect(new Set(engine.calls.map((c) => c.input)).size).toBe(12);
    expect(new Set(batch.images.map((i) => i.processedBy))).toEqual(new Set([w.id]));
    expect(w.id.startsWith(`${hostname()}:${process.pid}`)).toBe(true);
    const img = await svc.getImage(A, batch.images[0].id);
    expect(img?.keys.original).toMatch(new RegExp(`^${A}/original/[a-f0-9]{64}\\.jpg$`));
    expect(await env.storage.has(img!.keys.original!)).toBe(true);
    expect(await env.storage.has(img!.keys.composite!)).toBe(true);
    expect((img!.report as { warnings: unknown[] }).warnings).toHaveLength(1);
    expect(img!.warnings[0].code).toBe("NOTE");
    expect(img!.warningCount).toBe(0); // notes are not warnings
    expect(await env.db.retouchResult.count()).toBe(12);
    expect(await svc.getImage(B, batch.images[0].id)).toBeNull(); // another shop sees nothing
  });

  it("never does the same work twice: a second batch with the same images and settings reuses results", async () => {
    shopify.addProduct(A, 1, 3);
    await start();
    const first = await svc.createBatch(A, { productIds: [productGid(1)] });
    await batchDone(A, first.id);
    const second = await svc.createBatch(A, { productIds: [productGid(1)] });
    const b2 = await batchDone(A, second.id);
    expect(b2.counts.review).toBe(3);
    expect(engine.calls).toHaveLength(3);
    expect(await env.db.retouchResult.count()).toBe(3);
    // Other settings are other work.
    await svc.saveShopSettings(A, { background: "#f0f0f0" });
    const third = await svc.createBatch(A, { productIds: [productGid(1)] });
    await batchDone(A, third.id);
    expect(engine.calls).toHaveLength(6);
    // Upscaling and the shadow's strength too, and the engine is handed them.
    await svc.saveShopSettings(A, { shadow: "soft", shadowStrength: 0.3, upscale: true });
    await batchDone(A, (await svc.createBatch(A, { productIds: [productGid(1)] })).id);
    expect(engine.calls).toHaveLength(9);
    for (const c of engine.calls.slice(6))
      expect(c.settings).toMatchObject({ background: "#f0f0f0", shadow: "soft", shadowStrength: 0.3, upscale: true });
    await svc.saveShopSettings(A, { shadowStrength: 0.7 });
    await batchDone(A, (await svc.createBatch(A, { productIds: [productGid(1)] })).id);
    expect(engine.calls).toHaveLength(12);
    expect(engine.calls.slice(9).map((c) => c.settings?.shadowStrength)).toEqual([0.7, 0.7, 0.7]);
  });

  it("retries transient failures with backoff and fails permanent ones at once, in plain words", async () => {
    shopify.addProduct(A, 1, 3);
    shopify.downloadFaults.set(mediaGid(1, 0), 2);
    engine.badInput = "1-1.jpg";
    await start();
    const created = await svc.createBatch(A, { productIds: [productGid(1)] });
    const batch = await batchDone(A, created.id);
    const byMedia = new Map(batch.images.map((i) => [i.mediaId, i]));
    const flaky = byMedia.get(mediaGid(1, 0))!;
    expect(flaky.state).toBe("review");
    expect(flaky.attempts).toBe(3);
    expect(flaky.lastError).toBeNull();
    const bad = byMedia.get(mediaGid(1, 1))!;
    expect(bad.state).toBe("failed");
    expect(bad.attempts).toBe(1);
    expect(bad.lastError).toBe("This photo file is damaged; upload it again in Shopify.");
    expect(engine.calls.filter((c) => c.input.includes("1-1.jpg"))).toHaveLength(1);
    expect(byMedia.get(mediaGid(1, 2))!.state).toBe("review");
    expect(batch.counts).toMatchObject({ review: 2, failed: 1, queued: 0, processing: 0 });
  });

  it("a stuck image fails alone past its deadline, in plain words, and frees its slot for the rest", async () => {
    shopify.addProduct(A, 1, 3);
    engine.hangOn = "1-0.jpg";
    // One slot: the other two images can only run once the stuck one has let go of it.
    await start({ concurrency: 1, deadlines: { retouch: 600 } });
    const created = await svc.createBatch(A, { productIds: [productGid(1)] });
    const batch = await batchDone(A, created.id);
    const byMedia = new Map(batch.images.map((i) => [i.mediaId, i]));
    const stuck = byMedia.get(mediaGid(1, 0))!;
    expect(stuck.state).toBe("failed");
    expect(stuck.attempts).toBe(1);
    expect(stuck.lastError).toBe(
      "Loupe stopped working on this photo after 1 second, far longer than a photo of its size takes. Run it again, or upload a smaller photo.",
    );
    expect([byMedia.get(mediaGid(1, 1))!.state, byMedia.get(mediaGid(1, 2))!.state]).toEqual(["review", "review"]);
    const row = await env.db.imageJob.findFirst({ where: { mediaId: mediaGid(1, 0) } });
    expect(row!.leaseUntil).toBeNull();
  });

  it("runs webhook tasks (ShopTask rows) in the worker, once each: bulk finish wakes the waiting export", async () => {
    const { enqueueShopTask } = await import("../../../core/shopify/shop-tasks.server");
    const { waitForBulk } = await import("../../../core/shopify/bulk.server");
    await start();
    // A wait for a bulk export in this (worker) process is woken by the bulk_operations/finish task.
    const bulkId = "gid://shopify/BulkOperation/42";
    let polls = 0;
    const client = {
      shop: A,
      request: async () => ({
        bulkOperation: {
          id: bulkId,
          status: polls++ === 0 ? "RUNNING" : "COMPLETED",
          errorCode: null,
          objectCount: "0",
          url: null,
          partialDataUrl: null,
        },
      }),
    };
    const started = Date.now();
    const waiting = waitForBulk(client as never, bulkId, { scale: 60 }); // the fallback poll would come after a minute
    await new Promise((r) => setTimeout(r, 50));
    const id = await enqueueShopTask(A, "bulk-finished", { id: bulkId });
    expect((await waiting).status).toBe("COMPLETED");
    expect(Date.now() - started).toBeLessThan(10_000);
    const row = await waitFor("task done", async () => {
      const r = await env.db.shopTask.findUnique({ where: { id } });
      return r?.state === "done" ? r : null;
    });
    expect([row.attempts, row.leaseUntil]).toEqual([1, null]);
  });

  it("is fair across shops: a big batch does not starve another shop's three images", async () => {
    for (let p = 1; p <= 6; p++) shopify.addProduct(A, p, 10);
    shopify.addProduct(B, 99, 3);
    engine.delayMs = 15;
    const big = await svc.createBatch(A, { productIds: [1, 2, 3, 4, 5, 6].map(productGid) });
    await start({ concurrency: 2 });
    await waitFor("the big batch to start", async () => (await svc.getBatch(A, big.id))?.counts.review);
    const small = await svc.createBatch(B, { productIds: [productGid(99)] });
    await batchDone(B, small.id);
    const bigNow = (await svc.getBatch(A, big.id))!;
    // Shop B's three images were done while most of shop A's 60 still waited.
    expect(bigNow.counts.review).toBeLessThan(30);
    await batchDone(A, big.id);
  });

  it("resumes rows left processing by a crashed worker, once each", async () => {
    shopify.addProduct(A, 1, 4);
    const created = await svc.createBatch(A, { productIds: [productGid(1)] });
    // A first worker pulls, then "crashes": its rows stay processing with a lease held by processes
    // that no longer run — one on another machine (lease expired), one on this host (dead pid).
    const w = await start();
    await batchDone(A, created.id);
    await w.close();
    workers.splice(0);
    const ids = (await env.db.imageJob.findMany({ where: { batchId: created.id }, orderBy: { position: "asc" } })).map(
      (j) => j.id,
    );
    await env.db.imageJob.updateMany({
      where: { id: { in: ids.slice(0, 2) } },
      data: {
        state: "processing",
        resultId: null,
        processedBy: "other-host:4242",
        leaseUntil: new Date(Date.now() - 1000),
        attempts: 1,
      },
    });
    await env.db.imageJob.updateMany({
      where: { id: { in: ids.slice(2) } },
      data: {
        state: "processing",
        resultId: null,
        processedBy: `${hostname()}:99999999`,
        leaseUntil: new Date(Date.now() + 3_600_000),
        attempts: 1,
      },
    });
    await env.db.batch.update({ where: { id: created.id }, data: { status: "running" } });
    const w2 = await start();
    const batch = await batchDone(A, created.id);
    expect(batch.counts.review).toBe(4);
    expect(batch.images.every((i) => i.processedBy === w2.id && i.attempts === 2)).toBe(true);
    expect(engine.calls).toHaveLength(4); // the results of the first run were reused, not recomputed
  });

  it("lets several workers share one batch without doing anything twice", async () => {
    for (let p = 1; p <= 4; p++) shopify.addProduct(A, p, 6);
    engine.delayMs = 20;
    const w1 = await start({ concurrency: 2 });
    const w2 = await start({ concurrency: 2 });
    const created = await svc.createBatch(A, { productIds: [1, 2, 3, 4].map(productGid) });
    const batch = await batchDone(A, created.id);
    expect(batch.counts.review).toBe(24);
    expect(engine.calls).toHaveLength(24);
    expect(new Set(engine.calls.map((c) => c.input)).size).toBe(24);
    const by = new Set(batch.images.map((i) => i.processedBy));
    expect(by).toEqual(new Set([w1.id, w2.id]));
  });

  it("cancels a batch: nothing more is retouched", async () => {
    for (let p = 1; p <= 3; p++) shopify.addProduct(A, p, 10);
    engine.delayMs = 40;
    await start({ concurrency: 1 });
    const created = await svc.createBatch(A, { productIds: [1, 2, 3].map(productGid) });
    await waitFor("first image in review", async () => (await svc.getBatch(A, created.id))?.counts.review);
    await svc.cancelBatch(A, created.id);
    const callsAtCancel = engine.calls.length;
    await new Promise((r) => setTimeout(r, 500));
    const batch = (await svc.getBatch(A, created.id))!;
    expect(batch.status).toBe("cancelled");
    expect(engine.calls.length).toBeLessThanOrEqual(callsAtCancel + 1); // at most the one in flight
    expect(batch.counts.rejected).toBeGreaterThanOrEqual(30 - callsAtCancel - 1);
    expect(batch.counts.queued + batch.counts.processing).toBe(0);
    await expect(svc.cancelBatch(B, created.id)).rejects.toThrow(/No batch/);
  });

  it("on close hands back what is still running, and another worker finishes it", async () => {
    shopify.addProduct(A, 1, 2);
    engine.delayMs = 800;
    const w1 = await start({ graceMs: 50 });
    const created = await svc.createBatch(A, { productIds: [productGid(1)] });
    await waitFor("images processing", async () => (await svc.getBatch(A, created.id))?.counts.processing === 2);
    await w1.close();
    const handed = (await svc.getBatch(A, created.id))!;
    expect(handed.counts.queued).toBe(2);
    expect(handed.images.every((i) => i.attempts === 0)).toBe(true);
    engine.delayMs = 5;
    const w2 = await start();
    const batch = await batchDone(A, created.id);
    expect(batch.counts.review).toBe(2);
    expect(batch.images.every((i) => i.processedBy === w2.id)).toBe(true);
    expect(await env.db.retouchResult.count()).toBe(2);
    // The first worker's engine calls were not aborted; let them end before the database goes away.
    await waitFor("abandoned engine runs to end", async () => engine.running === 0);
    await new Promise((r) => setTimeout(r, 300));
  });

  it("publishes each approved image once, retrying a write that was not confirmed", async () => {
    shopify.addProduct(A, 1, 3);
    engine.warnOn = "1-2.jpg";
    await start();
    const created = await svc.createBatch(A, { productIds: [productGid(1)] });
    await batchDone(A, created.id);
    shopify.publishFaults.set(mediaGid(1, 0), 1);
    expect(await svc.approveAllWithoutWarnings(A, created.id)).toBe(2);
    expect(await svc.publishApproved(A, created.id)).toBe(2);
    const batch = await waitFor("published", async () => {
      const b = await svc.getBatch(A, created.id);
      return b?.counts.published === 2 ? b : null;
    });
    expect(batch.counts.review).toBe(1);
    const flaky = batch.images.find((i) => i.mediaId === mediaGid(1, 0))!;
    expect(flaky.attempts).toBe(2);
    expect(shopify.publishes.filter((p) => p.mediaId === mediaGid(1, 0))).toHaveLength(2);
    expect([...shopify.written.values()].reduce((a, b) => a + b, 0)).toBe(2); // one write per image
    // Publishing again is refused; reverting writes the original back.
    await expect(svc.publishImage(A, flaky.id)).rejects.toThrow(/cannot become publishing/);
    await svc.revertImage(A, flaky.id);
    await waitFor("reverted", async () => (await svc.getImage(A, flaky.id))?.state === "reverted");
    const revert = shopify.publishes.find((p) => p.kind === "revert")!;
    expect(Buffer.from(revert.bytes).toString()).toBe(`photo:https://cdn.shopify.com/s/files/${A}/1-0.jpg`);
  });

  it("auto-publishes only images whose guards raised no warning", async () => {
    shopify.addProduct(A, 7, 3);
    engine.warnOn = "7-1.jpg";
    await start();
    const created = await svc.createBatch(
      A,
      { productIds: [productGid(7)] },
      { source: "auto", autoPublish: true, mediaIds: [mediaGid(7, 0), mediaGid(7, 1)] },
    );
    // Both images settled: the clean one published, the warned one held for review. (Waiting on the
    // publish alone raced the second retouch on a busy machine: it could still be processing.)
    const batch = await waitFor("auto-published", async () => {
      const b = await svc.getBatch(A, created.id);
      return b?.counts.published === 1 && b.counts.review === 1 ? b : null;
    });
    expect(batch.total).toBe(2); // only the media asked for
    const warned = batch.images.find((i) => i.mediaId === mediaGid(7, 1))!;
    expect(warned.state).toBe("review");
    expect(warned.warningCount).toBe(1);
    expect(shopify.publishes.map((p) => p.mediaId)).toEqual([mediaGid(7, 0)]);
  });

  it("re-runs an image with spots undone as new work, and the batch follows", async () => {
    shopify.addProduct(A, 1, 1);
    await start();
    const created = await svc.createBatch(A, { productIds: [productGid(1)] });
    const batch = await batchDone(A, created.id);
    const id = batch.images[0].id;
    const view = await svc.rerunImage(A, id, { disabledSpots: [2, 1] });
    expect(view.state).toBe("queued");
    await waitFor("re-run in review", async () => (await svc.getImage(A, id))?.state === "review");
    expect(engine.calls.map((c) => c.disabledSpots)).toEqual([[], [1, 2]]);
    expect((await svc.getBatch(A, created.id))!.status).toBe("done");
    expect(await env.db.retouchResult.count()).toBe(2);
    await expect(svc.approveImage(B, id)).rejects.toThrow(/No image/);
  });
}
