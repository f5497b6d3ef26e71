// The batch services used by the API routes, the UI, the admin extensions and the auto-processing
// scheduler. Every query filters by shop; another shop's ids are "not found".
import type { Batch } from "@prisma/client";
import { getStorage } from "../storage";
import { db } from "../db.server";
import { enqueue } from "./enqueue.server";
import { InvalidRequestError } from "./errors";
import { countsFrom, toImageView, toSummary, type BatchSummary, type BatchView, type ImageDetail } from "./views";
import { getShopSettings, saveRunSettings } from "./shop-settings.server";
import { readReport } from "./report-cache.server";
import { encodeBatchSettings } from "./batch-request";
import type { JobState } from "./job-states";
import { autoBatchTitle } from "./batch-title";
import { BATCH_IMAGE_ORDER } from "./review-order.server";

export * from "./image-actions.server";
export * from "./batch-actions.server";
export * from "./edit-actions.server";
export { getShopSettings, replaceShopSettings, saveShopSettings } from "./shop-settings.server";
export { clearReference, referenceKeyForBatch, referenceRows, setReference } from "./references.server";
export { neighboursInBatch, nextToReviewAfter } from "./review-order.server";
export type { BatchSummary, BatchView, ImageDetail, ImageView, Warning } from "./views";

export type BatchSource = "collection" | "products" | "auto";
export type BatchRequestInput = { collectionId: string } | { productIds: string[] };

/** A batch starts `pulling`: the worker lists its products and media, not the web request. */
/** Products one batch may name (a collection has no such limit: the worker pages through it). */
export const MAX_PRODUCTS_PER_BATCH = 1000;

export async function createBatch(
  shop: string,
  req: BatchRequestInput,
  opts: { source?: BatchSource; autoPublish?: boolean; mediaIds?: string[] } = {},
): Promise<{ id: string; status: string; total: number }> {
  const isCollection = "collectionId" in req;
  const collectionId = isCollection ? req.collectionId : null;
  if (!isCollection && req.productIds.length > MAX_PRODUCTS_PER_BATCH) {
    throw new InvalidRequestError(
      `A batch takes at most ${MAX_PRODUCTS_PER_BATCH} products; start several batches, or retouch a collection.`,
    );
  }
  const productIds = isCollection ? [] : [...new Set(req.productIds)];
  if (isCollection && !/^gid:\/\/shopify\/Collection\/\d+$/.test(collectionId ?? ""))
    throw new InvalidRequestError(`"${collectionId}" is not a collection id.`);
  if (!isCollection && productIds.length === 0) throw new InvalidRequestError("Choose at least one product.");
  const bad = productIds.find((p) => !/^gid:\/\/shopify\/Product\/\d+$/.test(p));
  if (bad) throw new InvalidRequestError(`"${bad}" is not a product id.`);

  const settings = await getShopSettings(shop);
  const hash = await saveRunSettings(shop, { settings, disabledSpots: [] });
  const batch = await db().batch.create({
    data: {
      shop,
      source: opts.source ?? (isCollection ? "collection" : "products"),
      collectionId,
      title:
        opts.source === "auto"
          ? autoBatchTitle(new Date())
          : isCollection
            ? "Collection"
            : productIds.length === 1
              ? "1 product"
              : `${productIds.length} products`,
      productIds: JSON.stringify(productIds),
      settings: encodeBatchSettings(settings, {
        mediaIds: opts.mediaIds ?? null,
        autoPublish: opts.autoPublish === true,
      }),
      settingsHash: hash,
      status: "pulling",
      // The pull's lease is the batch's updatedAt: an old one means nobody is pulling it.
      updatedAt: new Date(0),
    },
  });
  await enqueue([{ kind: "pull", id: batch.id, shop }]);
  console.info(`batch ${batch.id}: started for ${shop} (${batch.source})`);
  return { id: batch.id, status: batch.status, total: batch.total };
}

async function countsFor(batchIds: string[]): Promise<Map<string, Record<JobState, number>>> {
  const rows = await db().imageJob.groupBy({
    by: ["batchId", "state"],
    where: { batchId: { in: batchIds } },
    _count: { _all: true },
  });
  const out = new Map<string, Record<JobState, number>>();
  for (const id of batchIds) out.set(id, countsFrom(rows.filter((r) => r.batchId === id)));
  return out;
}

export async function getBatch(shop: string, id: string): Promise<BatchView | null> {
  const client = db();
  const batch = await client.batch.findFirst({ where: { id, shop } });
  if (!batch) return null;
  const jobs = await client.imageJob.findMany({ where: { batchId: id, shop }, orderBy: BATCH_IMAGE_ORDER });
  const counts = (await countsFor([id])).get(id)!;
  return { ...toSummary(batch, counts), source: batch.source, images: jobs.map(toImageView) };
}

export async function listBatches(shop: string, opts: { limit?: number } = {}): Promise<BatchSummary[]> {
  const take = Math.min(Math.max(1, opts.limit ?? 20), 200);
  const batches: Batch[] = await db().batch.findMany({ where: { shop }, orderBy: { createdAt: "desc" }, take });
  const counts = await countsFor(batches.map((b) => b.id));
  return batches.map((b) => toSummary(b, counts.get(b.id)!));
}

export async function getImage(shop: string, id: string): Promise<ImageDetail | null> {
  const client = db();
  const job = await client.imageJob.findFirst({ where: { id, shop } });
  if (!job) return null;
  const result = job.resultId ? await client.retouchResult.findFirst({ where: { id: job.resultId, shop } }) : null;
  const report = result ? await readReport(getStorage(), result.reportKey) : null;
  return {
    ...toImageView(job),
    batchId: job.batchId,
    report,
    keys: {
      original: job.sourceKey ?? undefined,
      composite: result?.compositeKey,
      cutout: result?.cutoutKey,
      thumb: result?.thumbKey,
    },
  };
}
