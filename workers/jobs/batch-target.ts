// The exposure/white-balance target a batch's photos share (engine: backdrop/batch-target.ts). It is
// computed from every photo of the batch, in a fixed order, so each worker process that computes it
// gets the same target; it is kept per batch for the life of the process. Originals not stored yet
// are downloaded and stored the way a retouch would (by sha256, before anything reaches Shopify).
import { blobKey } from "../../app/storage/storage";
import { batchTarget, type BatchTarget } from "../retouch";
import type { JobContext } from "./context";

const cache = new Map<string, Promise<BatchTarget | undefined>>();
/** Batches remembered at once (oldest forgotten first). */
const CACHE_BATCHES = 32;

export function targetForBatch(ctx: JobContext, shop: string, batchId: string): Promise<BatchTarget | undefined> {
  const key = `${shop}/${batchId}`;
  let hit = cache.get(key);
  if (!hit) {
    hit = computeTarget(ctx, shop, batchId);
    cache.set(key, hit);
    hit.catch(() => cache.delete(key));
    if (cache.size > CACHE_BATCHES) cache.delete(cache.keys().next().value!);
  }
  return hit;
}

async function computeTarget(ctx: JobContext, shop: string, batchId: string): Promise<BatchTarget | undefined> {
  const jobs = await ctx.db.imageJob.findMany({
    where: { shop, batchId },
    orderBy: [{ mediaId: "asc" }],
    select: { id: true, sourceKey: true, sourceUrl: true },
  });
  if (jobs.length < 2) return undefined;
  return batchTarget(
    jobs.map((j) => async () => {
      if (j.sourceKey) {
        const stored = await ctx.storage.get(j.sourceKey);
        if (stored) return stored;
      }
      if (!j.sourceUrl) return null;
      const d = await ctx.deps.shopify.downloadOriginal(j.sourceUrl);
      const key = blobKey(shop, "original", d.sha256, d.contentType);
      if (!(await ctx.storage.has(key))) await ctx.storage.put(key, d.bytes, d.contentType);
      await ctx.db.imageJob.updateMany({ where: { id: j.id, sourceKey: null }, data: { sourceSha256: d.sha256, sourceKey: key } });
      return d.bytes;
    }),
  );
}

/** For tests: forget every batch's target. */
export function forgetBatchTargets(): void {
  cache.clear();
}
