// The pull task: lists a batch's products and their image media, creates one ImageJob per image
// (idempotent: (batchId, mediaId) is unique, a re-run pull adds only what is missing), then the
// batch is `running` and its images are queued, interleaved with other batches by position.
import { decodeBatchSettings } from "../../core/batches/batch-request";
import type { ClaimedTask } from "../../core/queue/job-queue";
import type { JobContext } from "./context";
import type { ProductImage } from "./deps";
import { settleBatch } from "./batch-progress";
import { rememberSeen, seenVersion, type SeenVersion } from "../../core/shopify/seen-media.server";

const CHUNK = 200;

export async function runPull(ctx: JobContext, task: ClaimedTask): Promise<void> {
  const { db, deps } = ctx;
  const batch = await db.batch.findUnique({ where: { id: task.id } });
  if (!batch || batch.status !== "pulling") return;
  const { request } = decodeBatchSettings(batch.settings);

  let title = batch.title; // an auto batch keeps its name ("New uploads, Dec 5")
  let products: Array<{ id: string; title: string; images?: ProductImage[] }>;
  if (batch.collectionId) {
    const c = await deps.shopify.listCollection(batch.shop, batch.collectionId);
    products = c.products;
    if (c.title) title = c.title;
  } else {
    products = (JSON.parse(batch.productIds) as string[]).map((id) => ({ id, title: "" }));
  }

  const images: ProductImage[] = [];
  for (const p of products) {
    const list = p.images ?? (await deps.shopify.listProductImages(batch.shop, p.id));
    // Loupe has seen these photos: a later products/update that adds none starts no auto job.
    const seen = list
      .filter((m) => m.status === "READY")
      .map(seenVersion)
      .filter((v): v is SeenVersion => v !== null);
    await rememberSeen(batch.shop, p.id, seen, new Date(), db);
    images.push(
      ...list.filter(
        (m) => m.url && m.status !== "FAILED" && (!request.mediaIds || request.mediaIds.includes(m.mediaId)),
      ),
    );
  }
  if (!batch.collectionId && batch.source !== "auto") {
    const first = images[0]?.productTitle;
    if (first) title = products.length > 1 ? `${first} and ${products.length - 1} more` : first;
  }

  const existing = new Set(
    (await db.imageJob.findMany({ where: { batchId: batch.id }, select: { mediaId: true } })).map((j) => j.mediaId),
  );
  const fresh = dedupe(images).filter((m) => !existing.has(m.mediaId));
  for (let i = 0; i < fresh.length; i += CHUNK) {
    await db.imageJob.createMany({
      data: fresh.slice(i, i + CHUNK).map((m) => ({
        shop: batch.shop,
        batchId: batch.id,
        productId: m.productId,
        productTitle: m.productTitle,
        mediaId: m.mediaId,
        position: m.position,
        alt: m.alt,
        sourceUrl: m.url,
        settingsHash: batch.settingsHash,
        autoPublish: request.autoPublish,
      })),
    });
  }
  const jobs = await db.imageJob.findMany({
    where: { batchId: batch.id },
    select: { id: true, state: true, attempts: true },
    orderBy: [{ productId: "asc" }, { position: "asc" }],
  });
  const moved = await db.batch.updateMany({
    where: { id: batch.id, status: "pulling" },
    data: { status: "running", total: jobs.length, title, error: null },
  });
  if (moved.count === 0) return; // cancelled while pulling
  await settleBatch(db, batch.id);
  const queued = jobs.filter((j) => j.state === "queued");
  await ctx.enqueue(
    queued.map((j, i) => ({ kind: "retouch", id: j.id, shop: batch.shop, attempt: j.attempts, priority: i + 1 })),
  );
}

function dedupe(images: ProductImage[]): ProductImage[] {
  const seen = new Set<string>();
  return images.filter((m) => (seen.has(m.mediaId) ? false : (seen.add(m.mediaId), true)));
}
