// Queue bench: a batch of 4 MP photos through the whole worker (pull → download → engine → store →
// publish), against N single-image engine runs measured in the same process on the same pool.
// Shopify is in-process with realistic latencies (download and staged upload + write each take
// time but no CPU), so the number shows whether network waits overlap pixel work.
//   npx tsx bench/queue.ts   env: BENCH_QUEUE_IMAGES (40), BENCH_QUEUE_SINGLES (runs measured, default all),
//   BENCH_DOWNLOAD_MS (300), BENCH_PUBLISH_MS (600), LOUPE_ENGINE_FAST=1 for the cheap segmenter.
import { createHash } from "node:crypto";
import { rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import sharp from "sharp";
import { makeFixture } from "../tests/fixtures/jewelry";
import type { ProductImage, ShopifyPort } from "../workers/jobs/deps";
import { prepareBenchDatabase } from "./bench-db";

const SHOP = "bench-jewels.myshopify.com";
const env = (k: string, d: number) => Number(process.env[k] || d);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function latencyShopify(photos: Buffer[], downloadMs: number, publishMs: number): ShopifyPort {
  const images: ProductImage[] = photos.map((_, i) => ({
    mediaId: `gid://shopify/MediaImage/${i + 1}`,
    productId: `gid://shopify/Product/${Math.floor(i / 4) + 1}`,
    productTitle: `Bench ring ${Math.floor(i / 4) + 1}`,
    position: i % 4,
    alt: null,
    status: "READY",
    url: `https://cdn.shopify.com/s/files/bench/${i}.jpg`,
    mimeType: "image/jpeg",
    width: 2449,
    height: 1633,
  }));
  return {
    async listCollection() {
      return {
        title: "Bench",
        products: [...new Set(images.map((m) => m.productId))].map((id) => ({ id, title: "" })),
      };
    },
    async listProductImages(_shop, productId) {
      await sleep(80);
      return images.filter((m) => m.productId === productId);
    },
    async downloadOriginal(url) {
      await sleep(downloadMs);
      const bytes = photos[Number(/\/(\d+)\.jpg$/.exec(url)![1])]!;
      return { bytes, sha256: createHash("sha256").update(bytes).digest("hex"), contentType: "image/jpeg" };
    },
    async publishMedia(input) {
      await sleep(publishMs);
      return {
        url: "https://cdn.shopify.com/written.jpg",
        sha256: createHash("sha256").update(input.bytes).digest("hex"),
        alreadyDone: false,
        mediaId: input.mediaId,
      };
    },
  };
}

export async function benchQueue(): Promise<Record<string, number>> {
  const n = env("BENCH_QUEUE_IMAGES", 40);
  const singles = Math.min(n, env("BENCH_QUEUE_SINGLES", n));
  const downloadMs = env("BENCH_DOWNLOAD_MS", 300);
  const publishMs = env("BENCH_PUBLISH_MS", 600);
  // 4 MP product photos (2449×1633): the engine bench's fixtures, varied by layout and seed.
  const photos = await Promise.all(
    Array.from({ length: n }, async (_, i) => {
      const f = makeFixture({ size: 900, layout: i % 2 ? "ring" : "pendant", dust: 6, seed: 7 + i });
      return sharp(f.image.data, { raw: { width: 900, height: 900, channels: 3 } })
        .resize(2449, 1633, { fit: "fill" })
        .jpeg({ quality: 92 })
        .toBuffer();
    }),
  );

  const { dir, url } = await prepareBenchDatabase();
  // App modules only now, once DATABASE_URL names a migrated database.
  const { createPrisma } = await import("../core/db.server");
  const { FsStorage } = await import("../core/storage/fs-storage.server");
  const { setStorage } = await import("../core/storage");
  const { setDb } = await import("../core/db.server");
  const { setProducer } = await import("../core/batches/enqueue.server");
  const { createProducer } = await import("../core/queue/producer.server");
  const svc = await import("../core/batches/service.server");
  const { startWorker } = await import("../workers/main");
  const { realEngine } = await import("../workers/jobs/deps");
  const db = createPrisma(url);
  setStorage(new FsStorage(join(dir, "storage"), "bench"));
  setDb(db);
  setProducer(createProducer("local", ""));
  const engine = await realEngine();
  try {
    // Single-image runs, one after another, on the same pool (its threads are warm after the first).
    await engine.retouch(photos[0]!);
    const t0 = performance.now();
    for (let i = 0; i < singles; i++) await engine.retouch(photos[i]!);
    const singleAvg = (performance.now() - t0) / singles;

    const worker = await startWorker({
      db,
      deps: { engine, shopify: latencyShopify(photos, downloadMs, publishMs) },
      pollMs: 100,
    });
    const t1 = performance.now();
    const batch = await svc.createBatch(SHOP, {
      productIds: [...new Set(Array.from({ length: n }, (_, i) => `gid://shopify/Product/${Math.floor(i / 4) + 1}`))],
    });
    // A merchant approving and publishing each image as soon as it is in review.
    for (;;) {
      const b = (await svc.getBatch(SHOP, batch.id))!;
      for (const img of b.images.filter((i) => i.state === "review")) await svc.publishImage(SHOP, img.id);
      if (b.total === n && b.counts.published === n) break;
      if (b.counts.failed)
        throw new Error(
          `bench: ${b.counts.failed} image(s) failed: ${b.images.find((i) => i.state === "failed")?.lastError}`,
        );
      await sleep(50);
    }
    const batchMs = performance.now() - t1;
    await worker.close();
    const out = {
      images: n,
      singleRunsMeasured: singles,
      singleRunAvgMs: Math.round(singleAvg),
      singleRunsTotalMs: Math.round(singleAvg * n),
      batchMs: Math.round(batchMs),
      ratio: Number((batchMs / (singleAvg * n)).toFixed(3)),
      downloadMs,
      publishMs,
    };
    return out;
  } finally {
    await engine.close();
    setDb(null);
    setProducer(null);
    setStorage(null);
    await db.$disconnect();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  benchQueue().then(
    (r) => {
      console.log(JSON.stringify(r));
      console.error(
        `queue bench: ${r.images} images in ${r.batchMs} ms vs ${r.singleRunsTotalMs} ms of single runs → ratio ${r.ratio} (budget 1.2)`,
      );
      process.exit(r.ratio <= 1.2 ? 0 : 1);
    },
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
